package org.securebase.journal.program;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * One client's way through one program, as stored (the reason decrypted only where a step needs it).
 *
 * @param zone the client's time zone at enrolment, which weekday steps follow; {@code null}: the practice's
 */
record ProgramEnrolment(UUID id, UUID programId, UUID clientId, UUID therapistId, Status status, int nextPosition,
                        Instant nextAt, UUID waitingOn, Instant createdAt, ZoneId zone) {

    enum Status {
        ACTIVE,
        /** Stopped by the therapist until resumed; a hand-in meanwhile still sets when the next step is due. */
        PAUSED,
        /** Stopped for good: by the therapist, or because the client left the therapist's caseload. */
        ENDED,
        /** Every step was delivered. */
        COMPLETED;

        boolean running() {
            return this == ACTIVE || this == PAUSED;
        }
    }
}
