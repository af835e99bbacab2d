package org.securebase.platform.events.journal;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.securebase.platform.events.EventContract;
import org.securebase.platform.events.EventPayload;
import org.securebase.platform.events.Topics;

/**
 * The client submitted their answers. Envelope key and aggregate id: {@code assignmentId}. No answer text.
 *
 * @param assignmentId the assignment
 * @param clientId     its client (Keycloak user id)
 * @param therapistId  the therapist who assigned it, who may now read the answers
 * @param submittedAt  when it was submitted
 */
@EventContract(topic = Topics.JOURNAL_ASSIGNMENTS, schemaVersion = 1)
public record AssignmentSubmitted(UUID assignmentId, UUID clientId, UUID therapistId,
                                  Instant submittedAt) implements EventPayload {

    public AssignmentSubmitted {
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(therapistId, "therapistId");
        Objects.requireNonNull(submittedAt, "submittedAt");
    }

    @Override
    public UUID aggregateId() {
        return assignmentId;
    }
}
