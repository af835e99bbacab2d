package org.securebase.account.rights;

import java.time.Instant;
import java.util.UUID;

/** A legal hold on a client's record: placed by an admin, in force until lifted. */
public record LegalHold(UUID id, UUID subjectId, String reason, UUID placedBy, Instant placedAt, UUID liftedBy,
                        Instant liftedAt) {

    public boolean inForce() {
        return liftedAt == null;
    }
}
