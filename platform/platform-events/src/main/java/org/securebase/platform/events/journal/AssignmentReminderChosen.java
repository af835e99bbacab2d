package org.securebase.platform.events.journal;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.securebase.platform.events.EventContract;
import org.securebase.platform.events.EventPayload;
import org.securebase.platform.events.Topics;

/**
 * The client saved a plan for their homework that names when they want to be reminded, or took that time out of it:
 * the homework's "due" reminder goes out then instead of at the client's usual reminder time. Only times travel: what
 * the plan says (when, where, what might get in the way) is clinical text and stays sealed in journal-service.
 * Envelope key and aggregate id: {@code assignmentId}.
 *
 * @param assignmentId the assignment
 * @param clientId     its client
 * @param therapistId  the therapist who assigned it
 * @param dueAt        its due time
 * @param remindAt     when the client wants the reminder (before {@code dueAt}), or null to go back to their usual time
 */
@EventContract(topic = Topics.JOURNAL_ASSIGNMENTS, schemaVersion = 1)
public record AssignmentReminderChosen(UUID assignmentId, UUID clientId, UUID therapistId, Instant dueAt,
                                       Instant remindAt) implements EventPayload {

    public AssignmentReminderChosen {
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(therapistId, "therapistId");
        Objects.requireNonNull(dueAt, "dueAt");
        if (remindAt != null && !remindAt.isBefore(dueAt)) {
            throw new IllegalArgumentException("remindAt must be before dueAt");
        }
    }

    @Override
    public UUID aggregateId() {
        return assignmentId;
    }
}
