package org.securebase.account.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.securebase.platform.events.EventEnvelope;
import org.securebase.platform.events.EventJson;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What goes into the outbox (Spring Modulith's event publication registry) and, wrapped in the shared
 * {@link EventEnvelope}, onto {@code securebase.accounts.v1}.
 *
 * <p>The event id and time are fixed here, in the business transaction, and stored with the publication, so a
 * redelivery after an outage carries the same id and consumers can drop the duplicate. The payload is kept as a
 * JSON tree: the registry stores and restores this one concrete type, whatever the payload's type.
 */
public record AccountsEvent(UUID eventId, String type, int schemaVersion, Instant occurredAt, UUID aggregateId,
                            JsonNode payload) {

    // The wire format's mapper (ISO-8601 instants), so the stored tree is exactly what goes out.
    private static final JsonMapper WIRE = EventJson.defaultMapper();

    public AccountsEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payload, "payload");
    }

    public static AccountsEvent of(AccountsEventPayload payload, Instant occurredAt) {
        return new AccountsEvent(UUID.randomUUID(), payload.type(), payload.schemaVersion(), occurredAt, payload.key(),
                WIRE.valueToTree(payload));
    }

    public EventEnvelope<JsonNode> toEnvelope() {
        return new EventEnvelope<>(eventId, type, occurredAt, schemaVersion, aggregateId, payload);
    }

    /** The record key: the account id. */
    public String key() {
        return aggregateId.toString();
    }
}
