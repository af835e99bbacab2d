package org.securebase.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.account.testsupport.AccountsTopic;
import org.securebase.account.testsupport.Api;
import org.securebase.account.testsupport.People;
import org.securebase.platform.embedded.keycloak.OidcBrowserlessLogin;
import org.securebase.platform.test.TestBackends;
import org.securebase.platform.test.TestKeycloak;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** A client asks to close their account, an admin closes it, and legal holds keep the record past its retention. */
@AccountServiceIntegrationTest
class RightsRequestsIT {

    @LocalServerPort
    int port;

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
    void aClientAsksOnceAndTheAdminsClosureSignsThemOutEndsTheCaseloadAndStartsTheRetentionPeriod() {
        String email = People.uniqueEmail("closing");
        UUID client = People.createInKeycloak(email, "Cleo", "Closing", "client");
        OidcBrowserlessLogin oidc = TestBackends.keycloak().oidc();
        OidcBrowserlessLogin.Tokens tokens = oidc.login(email, TestKeycloak.DEMO_PASSWORD);
        assertThat(api.get("/api/accounts/me", tokens.accessToken()).json().path("closureAskedAt").isNull()).isTrue();
        UUID therapist = UUID.fromString(api.get("/api/accounts/me", People.token(People.THERAPIST)).json()
                .path("id").asString());
        assertThat(api.put("/api/accounts/" + client + "/therapist", admin,
                Map.of("therapistId", therapist.toString())).status()).isEqualTo(200);

        Api.Response changedMind = api.post("/api/accounts/me/closure-request", tokens.accessToken(), null);
        assertThat(api.delete("/api/accounts/me/closure-request", tokens.accessToken()).status()).isEqualTo(204);
        assertThat(api.get("/api/accounts/me", tokens.accessToken()).json().path("closureAskedAt").isNull())
                .as("a withdrawn request no longer waits").isTrue();
        JsonNode withdrawn = entry(changedMind.json().path("id").asString());
        assertThat(withdrawn.path("withdrawnAt").isNull()).as("kept, as withdrawn").isFalse();
        assertThat(withdrawn.path("doneAt").isNull()).isTrue();
        assertThat(api.delete("/api/accounts/me/closure-request", tokens.accessToken()).status())
                .as("withdrawing with nothing waiting changes nothing").isEqualTo(204);

        Api.Response asked = api.post("/api/accounts/me/closure-request", tokens.accessToken(), null);
        assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
        assertThat(asked.json().path("id").asString()).as("asking again is a new request")
                .isNotEqualTo(changedMind.json().path("id").asString());
        Api.Response again = api.post("/api/accounts/me/closure-request", tokens.accessToken(), null);
        assertThat(again.json().path("id").asString()).as("asking again returns the waiting request")
                .isEqualTo(asked.json().path("id").asString());
        assertThat(api.get("/api/accounts/me", tokens.accessToken()).json().path("closureAskedAt").asString())
                .isEqualTo(asked.json().path("requestedAt").asString());
        assertThat(api.post("/api/accounts/me/closure-request", People.token(People.THERAPIST), null).status())
                .as("staff do not ask here").isEqualTo(403);
        JsonNode waiting = entry(asked.json().path("id").asString());
        assertThat(waiting.path("kind").asString()).isEqualTo("closure");
        assertThat(waiting.path("subjectName").asString()).isEqualTo("Cleo Closing");
        assertThat(waiting.path("requestedByName").asString()).as("the client asked").isEqualTo("Cleo Closing");
        assertThat(waiting.path("doneAt").isNull()).isTrue();
        JsonNode beforeClosing = api.get("/api/accounts/" + client + "/retention", admin).json();
        assertThat(beforeClosing.path("closedAt").isNull()).as("asking does not close").isTrue();
        assertThat(beforeClosing.path("displayName").asString()).as("whose standing it is").isEqualTo("Cleo Closing");
        assertThat(beforeClosing.path("closureAskedAt").asString()).isEqualTo(asked.json().path("requestedAt").asString());

        Api.Response closed = api.post("/api/accounts/" + client + "/closure", admin, null);

        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        Instant closedAt = Instant.parse(closed.json().path("closedAt").asString());
        assertThat(closed.json().path("retentionYears").asInt()).isEqualTo(7);
        assertThat(Instant.parse(closed.json().path("keepUntil").asString()))
                .isEqualTo(closedAt.atOffset(ZoneOffset.UTC).plusYears(7).toInstant());
        assertThat(closed.json().path("erasable").asBoolean()).isFalse();
        assertThat(oidc.attempt(email, TestKeycloak.DEMO_PASSWORD, null, false).succeeded())
                .as("signed out, and no new login").isFalse();
        assertThatThrownBy(() -> oidc.refresh(tokens.refreshToken()))
                .isInstanceOf(OidcBrowserlessLogin.TokenRequestException.class);
        assertThat(topic.awaitRecord(client, AccountsTopic.ofType("CaseloadEnded")).payload().path("reason").asString())
                .isEqualTo("DEACTIVATED");
        JsonNode done = entry(asked.json().path("id").asString());
        assertThat(Instant.parse(done.path("doneAt").asString())).isEqualTo(closedAt);
        assertThat(done.path("doneByName").asString()).isNotBlank().isNotEqualTo("Cleo Closing");

        Api.Response closedAgain = api.post("/api/accounts/" + client + "/closure", admin, null);
        assertThat(closedAgain.json().path("closedAt").asString()).as("closing again changes nothing")
                .isEqualTo(closed.json().path("closedAt").asString());
        assertThat(closures(client)).as("the withdrawn request and the carried-out one").hasSize(2);

        assertThat(api.post("/api/accounts/" + client + "/reactivation", admin, null).status()).isEqualTo(200);
        assertThat(api.get("/api/accounts/" + client + "/retention", admin).json().path("closedAt").isNull())
                .as("a reactivated account is open again; its record is kept as any open one").isTrue();
    }

    @Test
    void anAdminClosesDirectlyAndOnlyClientsAccountsAreClosedOrHeld() {
        String email = People.uniqueEmail("closed-directly");
        UUID client = People.createInKeycloak(email, "Dana", "Direct", "client");
        api.get("/api/accounts/me", TestBackends.keycloak().accessToken(email));
        UUID adminId = UUID.fromString(api.get("/api/accounts/me", admin).json().path("id").asString());

        assertThat(api.post("/api/accounts/" + client + "/closure", People.token(People.CLIENT), null).status())
                .isEqualTo(403);
        Api.Response closed = api.post("/api/accounts/" + client + "/closure", admin, null);
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        List<JsonNode> recorded = closures(client);
        assertThat(recorded).singleElement().satisfies(closure -> {
            assertThat(closure.path("requestedBy").asString()).isEqualTo(adminId.toString());
            assertThat(closure.path("doneBy").asString()).isEqualTo(adminId.toString());
        });

        for (String path : List.of("/closure", "/retention", "/legal-holds")) {
            Api.Response staff = path.equals("/retention") ? api.get("/api/accounts/" + adminId + path, admin)
                    : api.post("/api/accounts/" + adminId + path, admin, Map.of("reason", "Matter 1"));
            assertThat(staff.status()).as(path + " of a staff account").isEqualTo(404);
            assertThat(staff.isProblem()).isTrue();
            assertThat(api.get("/api/accounts/" + UUID.randomUUID() + "/retention", admin).status()).isEqualTo(404);
        }
        assertThat(api.get("/api/accounts/" + adminId, admin).json().path("status").asString()).isEqualTo("active");
    }

    @Test
    void aLegalHoldNeedsAReasonKeepsTheRecordUntilLiftedAndIsRecorded() {
        String email = People.uniqueEmail("held");
        UUID client = People.createInKeycloak(email, "Hal", "Held", "client");
        api.get("/api/accounts/me", TestBackends.keycloak().accessToken(email));

        for (Object bad : new Object[] {Map.of("reason", "  "), Map.of("reason", "x".repeat(201)), Map.of(),
                Map.of("reason", "Case\u0000 1"), Map.of("reason", "Case\n1"), Map.of("reason", "Case \u202E41"),
                Map.of("reason", "\u00A0\u00A0")}) {
            Api.Response refused = api.post("/api/accounts/" + client + "/legal-holds", admin, bad);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
        }
        assertThat(api.post("/api/accounts/" + client + "/legal-holds", People.token(People.THERAPIST),
                Map.of("reason", "Matter 2026-14")).status()).isEqualTo(403);
        assertThat(api.get("/api/accounts/" + client + "/retention", admin).json().path("holds").size())
                .as("nothing stored by the refused requests").isZero();

        Api.Response placed = api.post("/api/accounts/" + client + "/legal-holds", admin,
                Map.of("reason", " Matter 2026-14 "));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        assertThat(placed.json().path("reason").asString()).isEqualTo("Matter 2026-14");
        String holdId = placed.json().path("id").asString();
        assertThat(api.post("/api/accounts/" + client + "/closure", admin, null).status()).isEqualTo(200);
        JsonNode held = api.get("/api/accounts/" + client + "/retention", admin).json();
        assertThat(held.path("onHold").asBoolean()).isTrue();
        assertThat(held.path("erasable").asBoolean()).isFalse();

        String other = People.createInKeycloak(People.uniqueEmail("other"), "Otto", "Other", "client").toString();
        assertThat(api.post("/api/accounts/" + other + "/legal-holds/" + holdId + "/lifting", admin, null).status())
                .as("a hold lifted through someone else's account").isEqualTo(404);
        Api.Response lifted = api.post("/api/accounts/" + client + "/legal-holds/" + holdId + "/lifting", admin, null);
        assertThat(lifted.status()).as(lifted.toString()).isEqualTo(200);
        assertThat(lifted.json().path("inForce").asBoolean()).isFalse();
        Api.Response liftedAgain = api.post("/api/accounts/" + client + "/legal-holds/" + holdId + "/lifting", admin, null);
        assertThat(liftedAgain.json().path("liftedAt").asString()).isEqualTo(lifted.json().path("liftedAt").asString());
        assertThat(api.get("/api/accounts/" + client + "/retention", admin).json().path("onHold").asBoolean()).isFalse();

        JsonNode recorded = entry(holdId);
        assertThat(recorded.path("kind").asString()).isEqualTo("legal-hold");
        assertThat(recorded.path("reason").asString()).isEqualTo("Matter 2026-14");
        assertThat(recorded.path("doneAt").asString()).isEqualTo(lifted.json().path("liftedAt").asString());
    }

    private JsonNode entry(String id) {
        Api.Response list = api.get("/api/accounts/rights-requests?limit=500", admin);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        for (JsonNode entry : list.json()) {
            if (entry.path("id").asString().equals(id)) {
                return entry;
            }
        }
        throw new AssertionError("no rights request " + id + " in " + list.body());
    }

    private List<JsonNode> closures(UUID client) {
        List<JsonNode> found = new java.util.ArrayList<>();
        for (JsonNode entry : api.get("/api/accounts/rights-requests?limit=500", admin).json()) {
            if (entry.path("kind").asString().equals("closure") && entry.path("subjectId").asString().equals(client.toString())) {
                found.add(entry);
            }
        }
        return found;
    }
}
