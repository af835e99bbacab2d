package org.securebase.account.rights;

import java.time.Instant;
import java.util.UUID;

/**
 * A request to close a client's account: asked by the client (then {@code closedAt} is null until an admin closes
 * it, or {@code withdrawnAt} set if the client withdrew it first) or decided by an admin ({@code requestedBy} is the
 * admin and both times are the same).
 */
public record Closure(UUID id, UUID subjectId, UUID requestedBy, Instant requestedAt, UUID closedBy,
                      Instant closedAt, Instant withdrawnAt) {

    public boolean waiting() {
        return closedAt == null && withdrawnAt == null;
    }
}
