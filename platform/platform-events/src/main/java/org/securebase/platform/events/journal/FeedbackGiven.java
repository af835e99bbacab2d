package org.securebase.platform.events.journal;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.securebase.platform.events.EventContract;
import org.securebase.platform.events.EventPayload;
import org.securebase.platform.events.Topics;

/**
 * The therapist gave feedback on one answer of a submitted assignment. Envelope key and aggregate id:
 * {@code assignmentId}, so an assignment's events stay in order. No feedback text.
 *
 * @param feedbackId   the feedback
 * @param assignmentId the assignment
 * @param answerId     the answer it is about
 * @param clientId     the client (Keycloak user id), e.g. to notify them
 * @param therapistId  the therapist who wrote it
 * @param givenAt      when
 */
@EventContract(topic = Topics.JOURNAL_ASSIGNMENTS, schemaVersion = 1)
public record FeedbackGiven(UUID feedbackId, UUID assignmentId, UUID answerId, UUID clientId, UUID therapistId,
                            Instant givenAt) implements EventPayload {

    public FeedbackGiven {
        Objects.requireNonNull(feedbackId, "feedbackId");
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(answerId, "answerId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(therapistId, "therapistId");
        Objects.requireNonNull(givenAt, "givenAt");
    }

    @Override
    public UUID aggregateId() {
        return assignmentId;
    }
}
