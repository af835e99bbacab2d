package org.securebase.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.account.testsupport.Api;
import org.securebase.account.testsupport.People;
import org.securebase.platform.embedded.keycloak.OidcBrowserlessLogin;
import org.securebase.platform.embedded.keycloak.OidcBrowserlessLogin.LoginResult;
import org.securebase.platform.embedded.keycloak.OidcBrowserlessLogin.Step;
import org.securebase.platform.test.TestBackends;
import org.securebase.platform.test.TestKeycloak;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The admin's security events come from the real Keycloak's login and admin events: what a person did (a failed
 * sign-in, a sign-in, enrolling TOTP) and what was done to them (created, given a role, in Keycloak's console or
 * through Secure Base).
 */
@AccountServiceIntegrationTest
class SecurityEventsIT {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void anAdminSeesWhatAPersonDidAndWhatWasDoneToThem() {
        String email = People.uniqueEmail("watched");
        UUID id = People.createInKeycloak(email, "Wanda", "Watched", "therapist");
        OidcBrowserlessLogin oidc = TestBackends.keycloak().oidc();
        assertThat(oidc.attempt(email, "Not-the-password-42", null, false).step()).isEqualTo(Step.INVALID_CREDENTIALS);
        LoginResult enrolled = oidc.attempt(email, TestKeycloak.DEMO_PASSWORD, null, true);
        assertThat(enrolled.step()).as(enrolled.message()).isEqualTo(Step.TOKENS);
        assertThat(api.get("/api/accounts/me", enrolled.tokens().accessToken()).status()).isEqualTo(200);
        String admin = People.token(People.ADMIN);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            List<JsonNode> events = items(api.get("/api/accounts/security-events?person=" + id, admin));
            assertThat(kinds(events)).as("the events about this person, newest first")
                    .containsSubsequence("second_factor_added", "sign_in_failed", "role_granted")
                    .contains("signed_in", "account_created");
            for (JsonNode event : events) {
                assertThat(event.path("personId").asString()).isEqualTo(id.toString());
                assertThat(event.path("personName").asString()).isEqualTo("Wanda Watched");
                assertThat(event.path("personRole").asString()).isEqualTo("therapist");
            }
            JsonNode failed = events.stream().filter(e -> e.path("kind").asString().equals("sign_in_failed")).findFirst().orElseThrow();
            assertThat(failed.path("error").asString()).isEqualTo("invalid_user_credentials");
            assertThat(failed.path("via").asString()).isEqualTo("sign-in");
            JsonNode granted = events.stream().filter(e -> e.path("kind").asString().equals("role_granted")).findFirst().orElseThrow();
            assertThat(granted.path("via").asString()).as("the test granted it as Keycloak's own administrator").isEqualTo("keycloak-console");
        });
    }

    @Test
    void aRoleGivenThroughAnInvitationWasGivenThroughSecureBase() {
        String email = People.uniqueEmail("invited-watched");
        String admin = People.token(People.ADMIN);
        Api.Response invited = api.post("/api/accounts", admin,
                Map.of("email", email, "firstName", "Ivo", "lastName", "Invited", "role", "client"));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        String id = invited.json().path("id").asString();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            List<JsonNode> events = items(api.get("/api/accounts/security-events?person=" + id, admin));
            assertThat(kinds(events)).contains("account_created", "role_granted", "actions_emailed");
            assertThat(events).allSatisfy(event -> assertThat(event.path("via").asString()).isEqualTo("secure-base"));
        });
    }

    @Test
    void badQueriesAreRefusedWithAProblem() {
        String admin = People.token(People.ADMIN);
        for (String query : List.of("?limit=0", "?limit=201", "?limit=many", "?person=not-a-person")) {
            Api.Response refused = api.get("/api/accounts/security-events" + query, admin);
            assertThat(refused.status()).as(query + ": " + refused).isEqualTo(400);
            assertThat(refused.isProblem()).as(query).isTrue();
        }
        assertThat(api.get("/api/accounts/security-events", People.token(People.THERAPIST)).status()).isEqualTo(403);
    }

    private static List<JsonNode> items(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.json().path("items").forEach(items::add);
        return items;
    }

    private static List<String> kinds(List<JsonNode> events) {
        return events.stream().map(event -> event.path("kind").asString()).toList();
    }
}
