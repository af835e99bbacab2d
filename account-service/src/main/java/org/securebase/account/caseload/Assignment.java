package org.securebase.account.caseload;

import java.time.Instant;
import java.util.UUID;

/** A caseload assignment as other features and the API see it. {@code endedAt} is null while it lasts. */
public record Assignment(UUID id, UUID clientId, UUID therapistId, Instant startedAt, Instant endedAt,
                         EndReason endReason) {

    static Assignment of(CaseloadAssignment entity) {
        return new Assignment(entity.id(), entity.clientId(), entity.therapistId(), entity.startedAt(),
                entity.endedAt(), entity.endReason());
    }

    public boolean isOpen() {
        return endedAt == null;
    }
}
