package org.securebase.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.securebase.platform.events.accounts.AccountActivated;
import org.securebase.platform.events.accounts.AccountDeactivated;
import org.securebase.platform.events.accounts.AccountEvent;
import org.securebase.platform.events.accounts.AccountInvited;
import org.securebase.platform.events.accounts.AccountReactivated;
import org.securebase.platform.events.accounts.AccountRole;
import org.securebase.platform.events.accounts.CaseloadAssigned;
import org.securebase.platform.events.accounts.CaseloadEnded;
import org.securebase.platform.events.accounts.RoleChanged;
import org.securebase.platform.events.accounts.StatusChangeCause;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The account events' records moved from account-service into this kit. The files under {@code wire/} are records of
 * {@code securebase.accounts.v1} exactly as account-service wrote them before the move; the kit must read them, and
 * write the same JSON for the same event, so the topic's history stays readable and old and new producers agree.
 */
class WireCompatibilityTest {

    private static final UUID ACCOUNT = UUID.fromString("3f1b8c2e-5a6d-4e7f-8a9b-0c1d2e3f4a5b");
    private static final UUID THERAPIST = UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
    private static final UUID CASELOAD = UUID.fromString("11111111-2222-4333-8444-555555555555");
    private static final Instant AT = Instant.parse("2026-01-31T09:30:00.123Z");

    private final EventJson json = EventJson.shared();
    private final JsonMapper plain = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {"AccountInvited", "AccountActivated", "AccountDeactivated", "AccountReactivated",
            "RoleChanged", "CaseloadAssigned", "CaseloadEnded"})
    void readsAndWritesTheAccountEventsAsAccountServiceDidBeforeTheMove(String type) throws IOException {
        byte[] recorded = fixture(type);
        EventEnvelope<JsonNode> tree = json.readTree(recorded);
        EventContracts.Contract contract = EventContracts.shared().find(Topics.ACCOUNTS, tree.type()).orElseThrow();
        AccountEvent read = (AccountEvent) json.payload(tree, contract.payload());

        assertThat(read).isEqualTo(expected(type));
        assertThat(read.aggregateId()).isEqualTo(tree.aggregateId());
        assertThat(contract.schemaVersion()).isEqualTo(tree.schemaVersion());
        var written = new EventEnvelope<>(tree.eventId(), contract.type(), tree.occurredAt(), contract.schemaVersion(),
                read.aggregateId(), read);
        assertThat(plain.readTree(json.write(written))).isEqualTo(plain.readTree(recorded));
    }

    private static AccountEvent expected(String type) {
        return switch (type) {
            case "AccountInvited" -> new AccountInvited(ACCOUNT, 1, AccountRole.CLIENT, "Zoë O'Brien", AT);
            case "AccountActivated" -> new AccountActivated(ACCOUNT, 2, AccountRole.CLIENT, "Zoë O'Brien", AT);
            case "AccountDeactivated" -> new AccountDeactivated(ACCOUNT, 3, AccountRole.THERAPIST, StatusChangeCause.ADMIN, AT);
            case "AccountReactivated" -> new AccountReactivated(ACCOUNT, 4, AccountRole.THERAPIST, StatusChangeCause.KEYCLOAK, AT);
            case "RoleChanged" -> new RoleChanged(ACCOUNT, 5, AccountRole.CLIENT, AccountRole.THERAPIST, AT);
            case "CaseloadAssigned" -> new CaseloadAssigned(ACCOUNT, 6, THERAPIST, CASELOAD, AT);
            case "CaseloadEnded" -> new CaseloadEnded(ACCOUNT, 7, THERAPIST, CASELOAD, "REASSIGNED", AT);
            default -> throw new IllegalArgumentException(type);
        };
    }

    private static byte[] fixture(String type) throws IOException {
        try (InputStream in = WireCompatibilityTest.class.getResourceAsStream("/wire/" + type + ".json")) {
            assertThat(in).as(type).isNotNull();
            return in.readAllBytes();
        }
    }
}
