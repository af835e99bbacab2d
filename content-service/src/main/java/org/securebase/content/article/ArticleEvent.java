package org.securebase.content.article;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.securebase.platform.events.EventEnvelope;
import org.securebase.platform.events.Topics;
import org.securebase.platform.events.content.ArticlePublished;
import org.securebase.platform.events.content.ArticleRetracted;
import org.springframework.modulith.events.Externalized;

/**
 * What the article feature announces. Published as Spring application events inside the business
 * transaction; Spring Modulith's registry stores them in the same transaction (the outbox) and the events
 * package sends them to Kafka as {@link EventEnvelope}s after commit.
 *
 * <p>The event id and time are fixed here, when the change happens, and stored with the event: a
 * redelivery after a broker outage then carries the same id and consumers can drop the duplicate.
 */
public sealed interface ArticleEvent {

    UUID eventId();

    Instant occurredAt();

    UUID articleId();

    /** The Kafka value. */
    EventEnvelope<?> toEnvelope();

    @Externalized(Topics.CONTENT_ARTICLES)
    record Published(UUID eventId, Instant occurredAt, ArticlePublished payload) implements ArticleEvent {

        public Published {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(payload, "payload");
        }

        static Published of(ArticlePublished payload) {
            return new Published(UUID.randomUUID(), payload.publishedAt(), payload);
        }

        @Override
        public UUID articleId() {
            return payload.articleId();
        }

        @Override
        public EventEnvelope<ArticlePublished> toEnvelope() {
            return new EventEnvelope<>(eventId, ArticlePublished.TYPE, occurredAt, ArticlePublished.SCHEMA_VERSION,
                    payload.articleId(), payload);
        }
    }

    @Externalized(Topics.CONTENT_ARTICLES)
    record Retracted(UUID eventId, Instant occurredAt, ArticleRetracted payload) implements ArticleEvent {

        public Retracted {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(payload, "payload");
        }

        static Retracted of(ArticleRetracted payload) {
            return new Retracted(UUID.randomUUID(), payload.retractedAt(), payload);
        }

        @Override
        public UUID articleId() {
            return payload.articleId();
        }

        @Override
        public EventEnvelope<ArticleRetracted> toEnvelope() {
            return new EventEnvelope<>(eventId, ArticleRetracted.TYPE, occurredAt, ArticleRetracted.SCHEMA_VERSION,
                    payload.articleId(), payload);
        }
    }
}
