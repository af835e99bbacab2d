package org.securebase.journal.record;

import java.time.Instant;
import java.util.UUID;

import org.securebase.platform.security.Role;

/** One request for a copy of a record, as stored (without the archive). */
record RecordExport(UUID id, UUID subjectId, UUID requestedBy, Role requesterRole, Status status, int itemsDone,
                    Integer itemsTotal, Instant requestedAt, Instant claimedAt, Instant readyAt, Instant expiresAt,
                    Long archiveBytes, int downloads, Instant lastDownloadAt) {

    enum Status {
        /** Waiting for or in preparation. */
        PREPARING,
        /** The archive is stored and may be downloaded until {@code expiresAt}. */
        READY,
        /** Preparing it failed; a new request prepares it again. */
        FAILED,
        /** The link expired and the archive was dropped; the row stays as the record of the request. */
        EXPIRED
    }

    /** Whether the copy was made for a therapist: only what they hold of the client, as they may read it. */
    boolean forTherapist() {
        return requesterRole == Role.THERAPIST;
    }
}
