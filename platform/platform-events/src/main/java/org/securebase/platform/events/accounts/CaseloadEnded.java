package org.securebase.platform.events.accounts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.securebase.platform.events.EventContract;
import org.securebase.platform.events.Topics;

/**
 * A client no longer belongs to this therapist's caseload: from now on the therapist must not see their data.
 *
 * @param assignmentId the caseload assignment that ended; a newer one of the same client is left alone
 * @param reason       {@code REASSIGNED}, {@code UNASSIGNED}, {@code ROLE_CHANGED} (one of the two changed role),
 *                     {@code DEACTIVATED} (one of the two was deactivated) or {@code ACCOUNT_DELETED} (one of the two
 *                     was deleted in Keycloak)
 */
@EventContract(topic = Topics.ACCOUNTS, schemaVersion = 1)
public record CaseloadEnded(UUID clientId, long sequence, UUID therapistId, UUID assignmentId, String reason,
                            Instant endedAt) implements AccountEvent {

    public CaseloadEnded {
        AccountEvent.requireSequence(sequence);
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(therapistId, "therapistId");
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(endedAt, "endedAt");
    }

    @Override
    public UUID aggregateId() {
        return clientId;
    }
}
