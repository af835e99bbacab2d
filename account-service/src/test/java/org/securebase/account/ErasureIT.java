package org.securebase.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Erasing a client, against real PostgreSQL, Kafka and Keycloak: refused while the account is open, while the
 * retention period runs and while a hold is in force (the closure then moved 101 years into the past as a
 * fixture, longer than any period the service accepts, so the shared context's clock stays as it is for every other
 * test); then the
 * Keycloak user is gone, account-service keeps no name or email of the person, the tombstone event carries ids only,
 * and the erasure is on the record of rights requests.
 */
@AccountServiceIntegrationTest
class ErasureIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

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
    void aClosedClientIsErasedOnlyAfterTheRetentionPeriodWithNoHoldAndNothingOfThemIsLeft() {
        String email = People.uniqueEmail("erin-erasure");
        UUID client = People.createInKeycloak(email, "Erin", "Erasure", "client");
        api.get("/api/accounts/me", TestBackends.keycloak().accessToken(email));

        refused(client, email, "Only a closed account");
        assertThat(api.post("/api/accounts/" + client + "/erasure", People.token(People.THERAPIST), null).status())
                .isEqualTo(403);
        assertThat(api.post("/api/accounts/" + UUID.randomUUID() + "/erasure", admin, null).status()).isEqualTo(404);
        assertThat(api.post("/api/accounts/" + client + "/closure", admin, null).status()).isEqualTo(200);
        refused(client, email, "retention period runs");
        String hold = api.post("/api/accounts/" + client + "/legal-holds", admin, Map.of("reason", "Matter 2027-3"))
                .json().path("id").asString();
        jdbc.sql("update closure_request set requested_at = requested_at - interval '101 years', "
                + "closed_at = closed_at - interval '101 years' where subject_id = :id").param("id", client).update();
        jdbc.sql("update account set deactivated_at = deactivated_at - interval '101 years' where id = :id")
                .param("id", client).update();
        refused(client, email, "legal hold");
        assertThat(api.get("/api/accounts/" + client + "/retention", admin).json().path("displayName").asString())
                .as("nothing changed by the refusals").isEqualTo("Erin Erasure");
        assertThat(api.post("/api/accounts/" + client + "/legal-holds/" + hold + "/lifting", admin, null).status())
                .isEqualTo(200);
        assertThat(api.get("/api/accounts/" + client + "/retention", admin).json().path("erasable").asBoolean()).isTrue();

        // Only sent events are dropped from the outbox (an unsent one would be lost): wait until the person's are sent.
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                        select count(*) from event_publication
                        where completion_date is null and serialized_event like :key""")
                .param("key", "%\"key\":\"" + client + "\"%").query(Long.class).single() == 0);
        Api.Response erased = api.post("/api/accounts/" + client + "/erasure", admin, null);
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        Api.Response again = api.post("/api/accounts/" + client + "/erasure", admin, null);
        assertThat(again.json().path("id").asString()).as("erasing again returns the erasure")
                .isEqualTo(erased.json().path("id").asString());

        assertThat(People.existsInKeycloak(email)).as("the Keycloak user is deleted").isFalse();
        assertThat(TestBackends.keycloak().admin().findUserIdByEmail(email)).isEmpty();
        JsonNode account = api.get("/api/accounts/" + client + "/retention", admin).json();
        assertThat(account.path("displayName").asString()).isEqualTo("Erased person");
        assertThat(account.path("email").asString()).doesNotContain("erin").endsWith("@erased.invalid");
        assertThat(account.path("erasable").asBoolean()).isFalse();
        assertThat(account.path("erasedAt").isNull()).isFalse();
        assertThat(jdbc.sql("""
                        select count(*) from account
                        where first_name ilike '%erin%' or last_name ilike '%erasure%' or email ilike :email""")
                .param("email", email).query(Long.class).single()).as("no name or email left in account").isZero();
        assertThat(jdbc.sql("select count(*) from event_publication where serialized_event ilike '%Erasure%'")
                .query(Long.class).single()).as("no sent event in the outbox names the person").isZero();

        // Erasing again announces it once more (for a service restored from a backup older than the erasure).
        await().atMost(Duration.ofSeconds(60)).until(() -> topic.recordsSoFar(client).stream()
                .filter(AccountsTopic.ofType("AccountErased")).count() == 2);
        List<AccountsTopic.Received> tombstones = topic.recordsSoFar(client).stream()
                .filter(AccountsTopic.ofType("AccountErased")).toList();
        assertThat(tombstones).allSatisfy(tombstone -> {
            assertThat(tombstone.payload().path("role").asString()).isEqualTo("CLIENT");
            assertThat(tombstone.text()).doesNotContainIgnoringCase("erin").doesNotContainIgnoringCase(email);
        });
        assertThat(tombstones.get(1).payload().path("sequence").asLong())
                .isGreaterThan(tombstones.get(0).payload().path("sequence").asLong());

        JsonNode entry = null;
        for (JsonNode request : api.get("/api/accounts/rights-requests?limit=500", admin).json()) {
            if (request.path("id").asString().equals(erased.json().path("id").asString())) {
                entry = request;
            }
        }
        assertThat(entry).as("the erasure is on the record").isNotNull();
        assertThat(entry.path("kind").asString()).isEqualTo("erasure");
        assertThat(entry.path("subjectName").asString()).isEqualTo("Erased person");

        Api.Response lateHold = api.post("/api/accounts/" + client + "/legal-holds", admin, Map.of("reason", "Late"));
        assertThat(lateHold.status()).as(lateHold.toString()).isEqualTo(409);
        assertThat(api.post("/api/accounts/" + client + "/reactivation", admin, null).status())
                .as("an erased account never comes back").isIn(404, 409);
    }

    private void refused(UUID client, String email, String because) {
        Api.Response refused = api.post("/api/accounts/" + client + "/erasure", admin, null);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.body()).contains(because);
        assertThat(People.existsInKeycloak(email)).as("nothing deleted").isTrue();
    }
}
