package org.securebase.platform.events.journal;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.securebase.platform.events.EventContract;
import org.securebase.platform.events.EventPayload;
import org.securebase.platform.events.Topics;

/**
 * The client opened an assignment for the first time. Envelope key and aggregate id: {@code assignmentId}.
 *
 * @param assignmentId the assignment
 * @param clientId     its client (Keycloak user id)
 * @param therapistId  the therapist who assigned it (Keycloak user id)
 * @param openedAt     when the client first opened it
 */
@EventContract(topic = Topics.JOURNAL_ASSIGNMENTS, schemaVersion = 1)
public record AssignmentOpened(UUID assignmentId, UUID clientId, UUID therapistId,
                               Instant openedAt) implements EventPayload {

    public AssignmentOpened {
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(therapistId, "therapistId");
        Objects.requireNonNull(openedAt, "openedAt");
    }

    @Override
    public UUID aggregateId() {
        return assignmentId;
    }
}
