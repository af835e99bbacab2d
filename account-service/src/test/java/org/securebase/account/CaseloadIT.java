package org.securebase.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.account.testsupport.AccountsTopic;
import org.securebase.account.testsupport.Api;
import org.securebase.account.testsupport.People;
import org.securebase.platform.test.TestBackends;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

/** One therapist per client at a time, with history; its events reach Kafka in order per client. */
@AccountServiceIntegrationTest
class CaseloadIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api api;
    AccountsTopic topic;
    String admin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        topic = new AccountsTopic();
        admin = People.token(People.ADMIN);
    }

    @AfterEach
    void tearDown() {
        topic.close();
    }

    @Test
    void reassigningKeepsOneTherapistAtATimeWithHistoryAndEventsInOrderPerClient() {
        UUID client = known(People.uniqueEmail("client"), "Cleo", "Client", "client");
        UUID first = known(People.uniqueEmail("first"), "Fran", "First", "therapist");
        UUID second = known(People.uniqueEmail("second"), "Sam", "Second", "therapist");

        assertThat(assign(client, first).status()).isEqualTo(200);
        assertThat(assign(client, first).status()).as("the same therapist again changes nothing").isEqualTo(200);
        // Back and forth quickly: each step ends one assignment and starts the next, in one transaction each.
        for (int round = 0; round < 5; round++) {
            assertThat(assign(client, round % 2 == 0 ? second : first).status()).isEqualTo(200);
        }
        UUID last = second;  // rounds 0, 2, 4 went to the second therapist

        List<JsonNode> history = list(api.get("/api/accounts/" + client + "/therapist-assignments", admin));
        assertThat(history).hasSize(6);
        assertThat(history.stream().filter(a -> a.path("endedAt").isNull())).hasSize(1);
        assertThat(history.get(0).path("therapistId").asString()).isEqualTo(last.toString());
        assertThat(history.subList(1, 6)).allSatisfy(a -> assertThat(a.path("endReason").asString()).isEqualTo("reassigned"));
        assertThat(jdbc.queryForObject("select count(*) from caseload_assignment where client_id = ? and ended_at is null",
                Long.class, client)).isEqualTo(1);

        // The client's AccountActivated (first login), then 6 assignments and 5 ends, keyed by the client, in
        // exactly the order they happened.
        List<AccountsTopic.Received> all = topic.awaitRecords(client, 12);
        assertThat(all.get(0).type()).isEqualTo("AccountActivated");
        List<AccountsTopic.Received> events = all.subList(1, all.size());
        assertThat(events).extracting(AccountsTopic.Received::partition).containsOnly(events.get(0).partition());
        assertThat(events).extracting(AccountsTopic.Received::type).containsExactly(
                "CaseloadAssigned",
                "CaseloadEnded", "CaseloadAssigned", "CaseloadEnded", "CaseloadAssigned",
                "CaseloadEnded", "CaseloadAssigned", "CaseloadEnded", "CaseloadAssigned",
                "CaseloadEnded", "CaseloadAssigned");
        long[] sequences = all.stream().mapToLong(e -> e.payload().path("sequence").asLong()).toArray();
        for (int i = 1; i < sequences.length; i++) {
            assertThat(sequences[i]).as("sequence of event " + i).isEqualTo(sequences[i - 1] + 1);
        }
        List<String> therapists = events.stream().filter(e -> e.type().equals("CaseloadAssigned"))
                .map(e -> e.payload().path("therapistId").asString()).toList();
        assertThat(therapists).containsExactly(first.toString(), second.toString(), first.toString(),
                second.toString(), first.toString(), second.toString());
        // Sent and acknowledged: the outbox marks each publication completed only after the broker's ack.
        org.awaitility.Awaitility.await("outbox publications of the client completed")
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject("select count(*) from event_publication where serialized_event like ? "
                        + "and completion_date is null", Long.class, "%" + client + "%") == 0);
        assertThat(jdbc.queryForObject("select count(*) from event_publication where serialized_event like ? "
                + "and serialized_event like ?", Long.class, "%\"key\":\"" + client + "\"%", ACCOUNTS_TOPIC))
                .isEqualTo(12);
        JsonNode envelope = tools.jackson.databind.json.JsonMapper.builder().build().readTree(events.get(0).value());
        assertThat(envelope.path("aggregateId").asString()).isEqualTo(client.toString());
        assertThat(envelope.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(envelope.path("eventId").asString()).isNotBlank();
    }

    @Test
    void aTherapistSeesTheirCaseloadAndAClientSeesTheirTherapistsName() {
        String therapistToken = People.token(People.THERAPIST);
        UUID therapist = UUID.fromString(api.get("/api/accounts/me", therapistToken).json().path("id").asString());
        String clientEmail = People.uniqueEmail("on-caseload");
        UUID client = known(clientEmail, "Olive", "Caseload", "client");

        assertThat(assign(client, therapist).status()).isEqualTo(200);

        List<JsonNode> caseload = list(api.get("/api/accounts/caseload", therapistToken));
        assertThat(caseload).anySatisfy(entry -> {
            assertThat(entry.path("clientId").asString()).isEqualTo(client.toString());
            assertThat(entry.path("displayName").asString()).isEqualTo("Olive Caseload");
            assertThat(entry.has("email")).isFalse();
        });
        assertThat(list(api.get("/api/accounts/" + therapist + "/caseload", admin)))
                .extracting(entry -> entry.path("clientId").asString()).contains(client.toString());
        JsonNode me = api.get("/api/accounts/me", TestBackends.keycloak().accessToken(clientEmail)).json();
        assertThat(me.path("therapist").path("displayName").asString()).isEqualTo("Theo Therapist");

        assertThat(api.delete("/api/accounts/" + client + "/therapist", admin).status()).isEqualTo(204);
        assertThat(list(api.get("/api/accounts/caseload", therapistToken)))
                .extracting(entry -> entry.path("clientId").asString()).doesNotContain(client.toString());
        assertThat(api.get("/api/accounts/me", TestBackends.keycloak().accessToken(clientEmail)).json()
                .path("therapist").isNull()).isTrue();
        assertThat(topic.awaitRecord(client, AccountsTopic.ofType("CaseloadEnded")).payload().path("reason").asString())
                .isEqualTo("UNASSIGNED");
    }

    @Test
    void aClientsTimeZoneIsTheirsToChooseAndOnlyTheirTherapistReadsIt() throws Exception {
        String therapistToken = People.token(People.THERAPIST);
        UUID therapist = UUID.fromString(api.get("/api/accounts/me", therapistToken).json().path("id").asString());
        String clientEmail = People.uniqueEmail("in-auckland");
        UUID client = known(clientEmail, "Aroha", "Auckland", "client");
        String clientToken = TestBackends.keycloak().accessToken(clientEmail);
        assertThat(api.get("/api/accounts/caseload/" + client + "/zone", therapistToken).status()).isEqualTo(404);
        assertThat(assign(client, therapist).status()).isEqualTo(200);
        String practiceZone = api.get("/api/accounts/me", clientToken).json().path("zone").asString();
        assertThat(practiceZone).isEqualTo(api.get("/api/accounts/me", therapistToken).json().path("zone").asString())
                .isNotBlank();

        @SuppressWarnings("unchecked")
        Map<String, Object> preferences = Api.JSON.readValue(api.get("/api/accounts/me/notifications", clientToken)
                .body(), Map.class);
        preferences.put("zone", "Pacific/Auckland");
        assertThat(api.put("/api/accounts/me/notifications", clientToken, preferences).status()).isEqualTo(200);

        assertThat(api.get("/api/accounts/me", clientToken).json().path("zone").asString()).isEqualTo("Pacific/Auckland");
        assertThat(api.get("/api/accounts/me", therapistToken).json().path("zone").asString()).isEqualTo(practiceZone);
        Api.Response zone = api.get("/api/accounts/caseload/" + client + "/zone", therapistToken);
        assertThat(zone.status()).isEqualTo(200);
        assertThat(zone.json().path("zone").asString()).isEqualTo("Pacific/Auckland");
        assertThat(api.get("/api/accounts/caseload/" + client + "/zone", clientToken).status()).isEqualTo(403);
        assertThat(api.get("/api/accounts/caseload/" + client + "/zone", admin).status()).isEqualTo(403);

        assertThat(api.delete("/api/accounts/" + client + "/therapist", admin).status()).isEqualTo(204);
        assertThat(api.get("/api/accounts/caseload/" + client + "/zone", therapistToken).status()).isEqualTo(404);
    }

    @Test
    void deactivatingATherapistEndsTheirCaseloadsAndReactivatingDoesNotRestoreThem() {
        UUID client = known(People.uniqueEmail("kept-client"), "Kay", "Client", "client");
        UUID therapist = known(People.uniqueEmail("leaving-therapist"), "Lee", "Therapist", "therapist");
        assertThat(assign(client, therapist).status()).isEqualTo(200);

        assertThat(api.post("/api/accounts/" + therapist + "/deactivation", admin, null).status()).isEqualTo(200);

        assertThat(topic.awaitRecord(client, AccountsTopic.ofType("CaseloadEnded")).payload().path("reason").asString())
                .isEqualTo("DEACTIVATED");
        List<JsonNode> history = list(api.get("/api/accounts/" + client + "/therapist-assignments", admin));
        assertThat(history).singleElement().satisfies(a -> assertThat(a.path("endReason").asString()).isEqualTo("deactivated"));
        assertThat(list(api.get("/api/accounts/" + therapist + "/caseload", admin))).isEmpty();

        assertThat(api.post("/api/accounts/" + therapist + "/reactivation", admin, null).status()).isEqualTo(200);
        assertThat(list(api.get("/api/accounts/" + therapist + "/caseload", admin))).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from caseload_assignment where client_id = ? and ended_at is null",
                Long.class, client)).isZero();
    }

    @Test
    void whoSawAClientsIdentityIsAnnouncedForTheAuditButNotAPersonsOwnOrANonClients() {
        UUID client = known(People.uniqueEmail("seen-client"), "Sid", "Seen", "client");
        UUID therapist = known(People.uniqueEmail("seen-therapist"), "Tess", "Seen", "therapist");
        assertThat(assign(client, therapist).status()).isEqualTo(200);
        try (AccountsTopic reads = new AccountsTopic(org.securebase.platform.events.Topics.ACCOUNT_READS)) {
            assertThat(api.get("/api/accounts/" + client, admin).status()).isEqualTo(200);
            assertThat(api.get("/api/accounts/" + therapist + "/caseload", admin).status()).isEqualTo(200);
            assertThat(api.get("/api/accounts/" + therapist, admin).status()).isEqualTo(200);

            List<AccountsTopic.Received> seen = reads.awaitRecords(client, 2);
            assertThat(seen).extracting(r -> r.payload().path("view").asString()).containsExactly("ACCOUNT", "CASELOAD");
            assertThat(seen).extracting(r -> r.payload().path("listed").asBoolean()).containsExactly(false, true);
            assertThat(seen).allSatisfy(r -> assertThat(r.payload().path("actorRole").asString()).isEqualTo("ADMIN"));
            assertThat(reads.recordsSoFar(therapist)).as("a therapist's identity is not a client's").isEmpty();
        }
    }

    @Test
    void invalidAssignmentsAreRefusedAndChangeNothing() {
        UUID client = known(People.uniqueEmail("valid-client"), "Val", "Client", "client");
        UUID therapist = known(People.uniqueEmail("valid-therapist"), "Val", "Therapist", "therapist");
        UUID otherTherapist = known(People.uniqueEmail("other-therapist"), "Otto", "Therapist", "therapist");
        UUID anAdmin = known(People.uniqueEmail("an-admin"), "Ad", "Min", "admin");
        UUID anotherClient = known(People.uniqueEmail("another-client"), "Ann", "Other", "client");
        UUID deactivated = known(People.uniqueEmail("gone-therapist"), "Gone", "Therapist", "therapist");
        assertThat(api.post("/api/accounts/" + deactivated + "/deactivation", admin, null).status()).isEqualTo(200);
        assertThat(assign(client, therapist).status()).isEqualTo(200);
        long eventsBefore = accountEvents();

        record Bad(String why, UUID client, Object therapistId, int status, String field) {
        }
        for (Bad bad : List.of(
                new Bad("a therapist as someone's client", otherTherapist, therapist, 400, "clientId"),
                new Bad("an admin as someone's client", anAdmin, therapist, 400, "clientId"),
                new Bad("a client as therapist", client, anotherClient, 400, "therapistId"),
                new Bad("an admin as therapist", client, anAdmin, 400, "therapistId"),
                new Bad("a deactivated therapist", client, deactivated, 400, "therapistId"),
                new Bad("an unknown therapist", client, UUID.randomUUID(), 400, "therapistId"),
                new Bad("a therapist id that is no uuid", client, "not-a-uuid", 400, null),
                new Bad("an unknown client", UUID.randomUUID(), therapist, 404, null))) {
            Api.Response response = api.put("/api/accounts/" + bad.client() + "/therapist", admin,
                    Map.of("therapistId", bad.therapistId().toString()));
            assertThat(response.status()).as(bad.why() + ": " + response).isEqualTo(bad.status());
            assertThat(response.isProblem()).as(bad.why()).isTrue();
            if (bad.field() != null) {
                assertThat(response.json().path("errors").toString()).as(bad.why()).contains("\"" + bad.field() + "\"");
            }
        }
        for (String who : List.of(People.THERAPIST, People.CLIENT)) {
            Api.Response response = api.put("/api/accounts/" + client + "/therapist", People.token(who),
                    Map.of("therapistId", otherTherapist.toString()));
            assertThat(response.status()).as(who).isEqualTo(403);
        }
        assertThat(api.get("/api/accounts/caseload", People.token(People.CLIENT)).status())
                .as("a client has no caseload").isEqualTo(403);

        List<JsonNode> history = list(api.get("/api/accounts/" + client + "/therapist-assignments", admin));
        assertThat(history).hasSize(1);
        assertThat(history.get(0).path("therapistId").asString()).isEqualTo(therapist.toString());
        assertThat(accountEvents()).isEqualTo(eventsBefore);
    }

    /**
     * Publications of account events: not the reads of identities (published for the audit, not changes) and not the
     * heartbeats (sent every few seconds whatever happens).
     */
    private static final String ACCOUNTS_TOPIC = "%\"topic\":\"securebase.accounts.v1\"%";

    private long accountEvents() {
        return jdbc.queryForObject("select count(*) from event_publication where serialized_event like ? "
                + "and serialized_event not like ?", Long.class, ACCOUNTS_TOPIC, "%\"type\":\"AccountsHeartbeat\"%");
    }

    /** A person created in Keycloak and made known here (as their first login would). */
    private UUID known(String email, String firstName, String lastName, String role) {
        UUID id = People.createInKeycloak(email, firstName, lastName, role);
        if (role.equals("client")) {
            assertThat(api.get("/api/accounts/me", TestBackends.keycloak().accessToken(email)).status()).isEqualTo(200);
        } else {
            // Therapists and admins need TOTP to log in; let the reconciliation adopt them instead.
            reconcile();
        }
        return id;
    }

    @Autowired
    org.securebase.account.reconciliation.Reconciliation reconciliation;

    private void reconcile() {
        reconciliation.run();
    }

    private Api.Response assign(UUID client, UUID therapist) {
        return api.put("/api/accounts/" + client + "/therapist", admin, Map.of("therapistId", therapist.toString()));
    }

    private static List<JsonNode> list(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> items = new java.util.ArrayList<>();
        response.json().forEach(items::add);
        return items;
    }
}
