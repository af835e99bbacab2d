package org.securebase.platform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes {@link EventEnvelope}s as JSON (UTF-8). Thread-safe; one shared instance is enough.
 *
 * <p>The reader is tolerant: unknown fields are ignored so a producer may add payload fields without
 * breaking consumers that do not know them yet. Removing or renaming a field needs a new schema version or
 * a new topic.
 *
 * <pre>{@code
 * EventEnvelope<JsonNode> envelope = EventJson.shared().readTree(record.value());
 * if (envelope.is(ArticlePublished.TYPE, ArticlePublished.SCHEMA_VERSION)) {
 *     ArticlePublished published = EventJson.shared().payload(envelope, ArticlePublished.class);
 * }
 * }</pre>
 */
public final class EventJson {

    private static final EventJson SHARED = new EventJson(defaultMapper());

    private final JsonMapper mapper;

    public EventJson(JsonMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    public static EventJson shared() {
        return SHARED;
    }

    /**
     * The mapper settings the wire format relies on: ISO-8601 instants, no failure on unknown fields.
     * Producers that serialize with their own mapper must produce the same shape (Jackson's defaults do).
     */
    public static JsonMapper defaultMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    public byte[] write(EventEnvelope<?> envelope) {
        Objects.requireNonNull(envelope, "envelope");
        return mapper.writeValueAsBytes(envelope);
    }

    /** Reads the envelope with the payload left as a tree, so a consumer can look at {@code type} first. */
    public EventEnvelope<JsonNode> readTree(byte[] value) {
        if (value == null || value.length == 0) {
            throw new MalformedEventException("empty record value", null);
        }
        try {
            JsonNode root = mapper.readTree(value);
            if (root == null || !root.isObject()) {
                throw new MalformedEventException("record value is not a JSON object", null);
            }
            JsonNode payload = root.get("payload");
            if (payload == null || payload.isNull()) {
                throw new MalformedEventException("envelope has no payload", null);
            }
            return mapper.treeToValue(withoutPayload(root), HeaderOnly.class).toEnvelope(payload);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("record value is not a valid event envelope: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Reads the envelope and maps its payload to {@code payloadType}. */
    public <T> EventEnvelope<T> read(byte[] value, Class<T> payloadType) {
        EventEnvelope<JsonNode> tree = readTree(value);
        return new EventEnvelope<>(tree.eventId(), tree.type(), tree.occurredAt(), tree.schemaVersion(),
                tree.aggregateId(), payload(tree, payloadType));
    }

    /** Maps an envelope's tree payload to {@code payloadType}. */
    public <T> T payload(EventEnvelope<JsonNode> envelope, Class<T> payloadType) {
        try {
            T payload = mapper.treeToValue(envelope.payload(), payloadType);
            if (payload == null) {
                throw new MalformedEventException("payload is null", null);
            }
            return payload;
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("payload of " + envelope.type() + " does not match "
                    + payloadType.getSimpleName() + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private static JsonNode withoutPayload(JsonNode root) {
        ObjectNode copy = (ObjectNode) root.deepCopy();
        copy.remove("payload");
        return copy;
    }

    // The envelope's fixed fields, read separately so the payload can stay a tree.
    record HeaderOnly(UUID eventId, String type, Instant occurredAt, Integer schemaVersion, UUID aggregateId) {

        EventEnvelope<JsonNode> toEnvelope(JsonNode payload) {
            if (schemaVersion == null) {
                throw new IllegalArgumentException("schemaVersion missing");
            }
            return new EventEnvelope<>(eventId, type, occurredAt, schemaVersion, aggregateId, payload);
        }
    }
}
