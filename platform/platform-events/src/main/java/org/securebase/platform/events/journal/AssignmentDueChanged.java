package org.securebase.platform.events.journal;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.securebase.platform.events.EventContract;
import org.securebase.platform.events.EventPayload;
import org.securebase.platform.events.Topics;

/**
 * The therapist moved an assignment's due time (before it was handed in), so its reminders move too. Envelope key and
 * aggregate id: {@code assignmentId}.
 *
 * @param assignmentId the assignment
 * @param clientId     its client
 * @param therapistId  the therapist who assigned it
 * @param dueAt        the new due time
 */
@EventContract(topic = Topics.JOURNAL_ASSIGNMENTS, schemaVersion = 1)
public record AssignmentDueChanged(UUID assignmentId, UUID clientId, UUID therapistId, Instant dueAt)
        implements EventPayload {

    public AssignmentDueChanged {
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(therapistId, "therapistId");
        Objects.requireNonNull(dueAt, "dueAt");
    }

    @Override
    public UUID aggregateId() {
        return assignmentId;
    }
}
