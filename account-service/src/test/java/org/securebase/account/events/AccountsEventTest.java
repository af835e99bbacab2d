package org.securebase.account.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.securebase.platform.events.EventEnvelope;
import org.securebase.platform.events.EventJson;
import org.securebase.platform.security.Role;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The wire format of securebase.accounts.v1, and that the outbox keeps an event's identity. */
class AccountsEventTest {

    private static final UUID CLIENT = UUID.fromString("3f1b8c2e-5a6d-4e7f-8a9b-0c1d2e3f4a5b");
    private static final UUID THERAPIST = UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
    private static final Instant AT = Instant.parse("2026-01-31T09:30:00.123Z");

    @Test
    void anEnvelopeCarriesTheTypeVersionKeyAndOnlyThePayloadsOwnFields() {
        AccountsEvent event = AccountsEvent.of(new CaseloadAssigned(CLIENT, 7, THERAPIST, UUID.randomUUID(), AT), AT);

        String json = new String(EventJson.shared().write(event.toEnvelope()), StandardCharsets.UTF_8);
        EventEnvelope<JsonNode> read = EventJson.shared().readTree(json.getBytes(StandardCharsets.UTF_8));

        assertThat(read.type()).isEqualTo("CaseloadAssigned");
        assertThat(read.schemaVersion()).isEqualTo(1);
        assertThat(read.aggregateId()).isEqualTo(CLIENT);
        assertThat(event.key()).isEqualTo(CLIENT.toString());
        assertThat(read.eventId()).isEqualTo(event.eventId());
        JsonNode payload = read.payload();
        assertThat(payload.path("sequence").asLong()).isEqualTo(7);
        assertThat(payload.path("assignedAt").asString()).isEqualTo("2026-01-31T09:30:00.123Z");
        // type(), schemaVersion() and key() feed the envelope; they are not payload fields.
        assertThat(payload.has("type")).isFalse();
        assertThat(payload.has("schemaVersion")).isFalse();
        assertThat(payload.has("key")).isFalse();
        assertThat(EventJson.shared().payload(read, CaseloadAssigned.class).therapistId()).isEqualTo(THERAPIST);
    }

    @Test
    void theOutboxRestoresTheSameEventSoARedeliveryKeepsItsId() {
        // What Spring Modulith's registry does with the event: Jackson 3 out, Jackson 3 back in.
        JsonMapper registryMapper = JsonMapper.builder().build();
        AccountsEvent original = AccountsEvent.of(new AccountInvited(CLIENT, 1, Role.CLIENT, "Zoë O'Brien", AT), AT);

        AccountsEvent restored = registryMapper.readValue(registryMapper.writeValueAsString(original), AccountsEvent.class);

        assertThat(restored.eventId()).isEqualTo(original.eventId());
        assertThat(EventJson.shared().write(restored.toEnvelope())).isEqualTo(EventJson.shared().write(original.toEnvelope()));
    }

    @Test
    void eventsCarryNoEmailAddress() {
        for (Class<?> payload : AccountsEventPayload.class.getPermittedSubclasses()) {
            assertThat(payload.getRecordComponents())
                    .as(payload.getSimpleName())
                    .noneMatch(component -> component.getName().toLowerCase().contains("email"));
        }
    }
}
