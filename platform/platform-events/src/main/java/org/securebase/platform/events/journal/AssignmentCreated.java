package org.securebase.platform.events.journal;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.securebase.platform.events.EventContract;
import org.securebase.platform.events.EventPayload;
import org.securebase.platform.events.Topics;

/**
 * A therapist assigned a reading to a client. Envelope key and aggregate id: {@code assignmentId}.
 * content-service keeps {@code (clientId, articleId, articleVersion)} so the client can go on reading that
 * version even after the article is retracted.
 *
 * @param assignmentId   the assignment
 * @param clientId       the client it is for (Keycloak user id)
 * @param therapistId    the therapist who assigned it (Keycloak user id)
 * @param articleId      the article ({@code ArticlePublished.articleId})
 * @param articleVersion the published version the assignment pins
 * @param dueAt          when it is due, so account-service can remind the client; absent in events written before
 *                       reminders existed (the reader ignores what it does not know and leaves this null)
 */
@EventContract(topic = Topics.JOURNAL_ASSIGNMENTS, schemaVersion = 1)
public record AssignmentCreated(UUID assignmentId, UUID clientId, UUID therapistId, UUID articleId,
                                int articleVersion, Instant dueAt) implements EventPayload {

    public AssignmentCreated {
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(articleId, "articleId");
        if (articleVersion < 1) {
            throw new IllegalArgumentException("articleVersion must be at least 1");
        }
    }

    @Override
    public UUID aggregateId() {
        return assignmentId;
    }
}
