package org.securebase.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.account.testsupport.AccountsTopic;
import org.securebase.account.testsupport.Api;
import org.securebase.account.testsupport.KeycloakFaults;
import org.securebase.account.testsupport.People;
import org.securebase.platform.embedded.keycloak.OidcBrowserlessLogin;
import org.securebase.platform.test.TestBackends;
import org.securebase.platform.test.TestKeycloak;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Deactivation locks a person out of Keycloak at once - new logins and refresh tokens - and can be undone. */
@AccountServiceIntegrationTest
class DeactivationIT {

    @LocalServerPort
    int port;

    @Autowired
    KeycloakFaults faults;

    Api api;
    AccountsTopic topic;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        topic = new AccountsTopic();
    }

    @AfterEach
    void tearDown() {
        faults.clear();
        topic.close();
    }

    @Test
    void deactivationMakesTheNextLoginFailAndTheRefreshTokenStopWorkingAndReactivationUndoesIt() {
        String email = People.uniqueEmail("leaving");
        UUID id = People.createInKeycloak(email, "Lee", "Ving", "client");
        OidcBrowserlessLogin oidc = TestBackends.keycloak().oidc();
        OidcBrowserlessLogin.Tokens tokens = oidc.login(email, TestKeycloak.DEMO_PASSWORD);
        // Their first call makes them known here (created in Keycloak directly, so adopted on the spot).
        assertThat(api.get("/api/accounts/me", tokens.accessToken()).json().path("status").asString()).isEqualTo("active");
        String admin = People.token(People.ADMIN);

        Api.Response deactivated = api.post("/api/accounts/" + id + "/deactivation", admin, null);

        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
        assertThat(deactivated.json().path("status").asString()).isEqualTo("deactivated");
        assertThat(oidc.attempt(email, TestKeycloak.DEMO_PASSWORD, null, false).succeeded())
                .as("a new login fails").isFalse();
        assertThatThrownBy(() -> oidc.refresh(tokens.refreshToken()))
                .as("the refresh token from before no longer works")
                .isInstanceOfSatisfying(OidcBrowserlessLogin.TokenRequestException.class,
                        refused -> assertThat(refused.error()).isEqualTo("invalid_grant"));
        Api.Response me = api.get("/api/accounts/me", tokens.accessToken());
        // Refused when the token is checked (platform-security's DeactivatedAccounts), before any endpoint runs.
        assertThat(me.status()).as("this service refuses the still-unexpired access token").isEqualTo(401);
        assertThat(me.isProblem()).isTrue();
        assertThat(topic.awaitRecord(id, AccountsTopic.ofType("AccountDeactivated")).payload().path("cause").asString())
                .isEqualTo("ADMIN");

        Api.Response again = api.post("/api/accounts/" + id + "/deactivation", admin, null);
        assertThat(again.status()).as("repeating it is harmless").isEqualTo(200);

        Api.Response reactivated = api.post("/api/accounts/" + id + "/reactivation", admin, null);
        assertThat(reactivated.status()).as(reactivated.toString()).isEqualTo(200);
        assertThat(reactivated.json().path("status").asString()).isEqualTo("active");
        OidcBrowserlessLogin.Tokens afterwards = oidc.login(email, TestKeycloak.DEMO_PASSWORD);
        assertThat(api.get("/api/accounts/me", afterwards.accessToken()).status()).isEqualTo(200);
        topic.awaitRecord(id, AccountsTopic.ofType("AccountReactivated"));
        assertThat(topic.recordsSoFar(id)).extracting(AccountsTopic.Received::type)
                .as("one deactivation although it was asked twice")
                .containsExactly("AccountActivated", "AccountDeactivated", "AccountReactivated");
    }

    @Test
    void whenKeycloakCannotBeReachedNothingIsMarked() {
        String email = People.uniqueEmail("stays");
        UUID id = People.createInKeycloak(email, "Stay", "Put", "client");
        String admin = People.token(People.ADMIN);
        api.get("/api/accounts/me", TestBackends.keycloak().accessToken(email));
        faults.failOn(KeycloakFaults.Operation.DISABLE_AND_LOG_OUT);

        Api.Response response = api.post("/api/accounts/" + id + "/deactivation", admin, null);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.isProblem()).isTrue();
        assertThat(api.get("/api/accounts/" + id, admin).json().path("status").asString()).isEqualTo("active");
        assertThat(TestBackends.keycloak().oidc().attempt(email, TestKeycloak.DEMO_PASSWORD, null, false).succeeded()).isTrue();
    }

    @Test
    void anAdminCannotDeactivateThemselvesAndOthersCannotDeactivateAnyone() {
        String admin = People.token(People.ADMIN);
        UUID adminId = UUID.fromString(api.get("/api/accounts/me", admin).json().path("id").asString());

        Api.Response self = api.post("/api/accounts/" + adminId + "/deactivation", admin, null);
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.isProblem()).isTrue();

        for (String who : List.of(People.THERAPIST, People.CLIENT)) {
            Api.Response response = api.post("/api/accounts/" + adminId + "/deactivation", People.token(who), null);
            assertThat(response.status()).as(who).isEqualTo(403);
            assertThat(response.isProblem()).isTrue();
        }
        assertThat(api.get("/api/accounts/" + adminId, admin).json().path("status").asString()).isEqualTo("active");
        assertThat(api.post("/api/accounts/" + UUID.randomUUID() + "/deactivation", admin, null).status()).isEqualTo(404);
    }
}
