package org.securebase.platform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The value of every record Secure Base writes to Kafka.
 *
 * <p>{@code eventId} is what consumers deduplicate on: a transactional outbox delivers at least once, so
 * the same event may arrive twice after a broker outage, and it must carry the same id both times. That is
 * why the id is fixed when the business change happens, never when the record is sent.
 *
 * @param eventId       unique per event, stable across redeliveries
 * @param type          what happened, in the past tense, e.g. {@code ArticlePublished}
 * @param occurredAt    when the business change was committed (producer's clock, UTC)
 * @param schemaVersion version of the payload's shape for this {@code type}; a consumer that sees a
 *                      version it does not know should dead-letter the record rather than guess
 * @param aggregateId   the entity the event is about; also the record key, so one entity's events stay
 *                      in order on one partition
 * @param payload       the type-specific content
 * @param <T>           payload type ({@code JsonNode} when a consumer dispatches on {@code type} first)
 */
public record EventEnvelope<T>(UUID eventId, String type, Instant occurredAt, int schemaVersion, UUID aggregateId,
                               T payload) {

    private static final Pattern TYPE_NAME = Pattern.compile("[A-Z][A-Za-z0-9]{1,99}");

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payload, "payload");
        if (!TYPE_NAME.matcher(type).matches()) {
            throw new IllegalArgumentException("event type must be an UpperCamelCase name: " + type);
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be at least 1");
        }
    }

    /** The Kafka record key: the aggregate id as text. */
    public String key() {
        return aggregateId.toString();
    }

    /** Whether this envelope is of the given type, in a schema version the caller understands. */
    public boolean is(String expectedType, int highestKnownSchemaVersion) {
        return type.equals(expectedType) && schemaVersion <= highestKnownSchemaVersion;
    }
}
