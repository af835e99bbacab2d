package org.securebase.journal.catalog;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.securebase.journal.messaging.UnknownSchemaVersionException;
import org.securebase.platform.events.EventEnvelope;
import org.securebase.platform.events.EventJson;
import org.securebase.platform.events.MalformedEventException;
import org.securebase.platform.events.Topics;
import org.securebase.platform.events.content.ArticlePublished;
import org.securebase.platform.events.content.ArticleRetracted;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * Feeds the catalog from {@code securebase.content.articles.v1}. Unknown event types are skipped (content-service
 * may add some); an unreadable record or a newer schema version of a known type throws and is dead-lettered.
 */
@Component
class ArticleEventsListener {

    static final String ID = "journal-service.catalog";

    private final CatalogProjection projection;
    private final EventJson json = EventJson.shared();

    ArticleEventsListener(CatalogProjection projection) {
        this.projection = projection;
    }

    @KafkaListener(id = ID, groupId = "${securebase.journal.consumer.group-prefix:journal-service}.catalog",
            topics = Topics.CONTENT_ARTICLES)
    void on(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<JsonNode> envelope = json.readTree(record.value());
        switch (envelope.type()) {
            case ArticlePublished.TYPE -> {
                requireKnownVersion(envelope, ArticlePublished.SCHEMA_VERSION);
                ArticlePublished published = json.payload(envelope, ArticlePublished.class);
                requireSameArticle(envelope, published.articleId());
                if (published.version() < 1) {
                    throw new MalformedEventException("ArticlePublished has no version", null);
                }
                projection.published(envelope.eventId(), envelope.occurredAt(), published);
            }
            case ArticleRetracted.TYPE -> {
                requireKnownVersion(envelope, ArticleRetracted.SCHEMA_VERSION);
                ArticleRetracted retracted = json.payload(envelope, ArticleRetracted.class);
                requireSameArticle(envelope, retracted.articleId());
                projection.retracted(envelope.eventId(), envelope.occurredAt(), retracted);
            }
            default -> {
                // not a catalog concern
            }
        }
    }

    private static void requireKnownVersion(EventEnvelope<JsonNode> envelope, int known) {
        if (envelope.schemaVersion() > known) {
            throw new UnknownSchemaVersionException(envelope.type(), envelope.schemaVersion());
        }
    }

    private static void requireSameArticle(EventEnvelope<JsonNode> envelope, java.util.UUID articleId) {
        if (!envelope.aggregateId().equals(articleId)) {
            throw new MalformedEventException(envelope.type() + " payload names another article than its envelope", null);
        }
    }
}
