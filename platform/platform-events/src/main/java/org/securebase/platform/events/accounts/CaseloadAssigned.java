package org.securebase.platform.events.accounts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.securebase.platform.events.EventContract;
import org.securebase.platform.events.Topics;

/**
 * A client now belongs to a therapist's caseload. Keyed by the client: on a reassignment the previous assignment's
 * {@link CaseloadEnded} comes first, with a lower {@code sequence}.
 *
 * @param assignmentId the caseload assignment (not a homework assignment): a later {@link CaseloadEnded} names it
 */
@EventContract(topic = Topics.ACCOUNTS, schemaVersion = 1)
public record CaseloadAssigned(UUID clientId, long sequence, UUID therapistId, UUID assignmentId,
                               Instant assignedAt) implements AccountEvent {

    public CaseloadAssigned {
        AccountEvent.requireSequence(sequence);
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(therapistId, "therapistId");
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(assignedAt, "assignedAt");
    }

    @Override
    public UUID aggregateId() {
        return clientId;
    }
}
