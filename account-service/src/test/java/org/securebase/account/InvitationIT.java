package org.securebase.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.account.invitation.InvitationRetry;
import org.securebase.account.testsupport.AccountsTopic;
import org.securebase.account.testsupport.ActionLinkBrowser;
import org.securebase.account.testsupport.Api;
import org.securebase.account.testsupport.InvitationMail;
import org.securebase.account.testsupport.KeycloakFaults;
import org.securebase.account.testsupport.People;
import org.securebase.platform.embedded.MailServer;
import org.securebase.platform.embedded.keycloak.OidcBrowserlessLogin;
import org.securebase.platform.test.TestBackends;
import org.securebase.platform.test.TestKeycloak;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

/**
 * Inviting people through the real Keycloak: the email arrives through the realm's SMTP server, its link works,
 * and what a failure half-way leaves behind (nothing, or an account whose email is retried).
 */
@AccountServiceIntegrationTest
class InvitationIT {

    private static final String NEW_PASSWORD = "Chosen-on-invitation-7";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KeycloakFaults faults;

    @Autowired
    InvitationRetry invitationRetry;

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
    void anInvitedClientGetsAWorkingLinkSetsAPasswordAndLogsInAsClient() {
        String email = People.uniqueEmail("Invited.Client");
        Api.Response invited = api.post("/api/accounts", People.token(People.ADMIN),
                Map.of("email", email, "firstName", "Zoë", "lastName", "O'Brien-Smith", "role", "client"));

        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        JsonNode account = invited.json();
        UUID id = UUID.fromString(account.path("id").asString());
        assertThat(account.path("email").asString()).isEqualTo(email.toLowerCase());
        assertThat(account.path("role").asString()).isEqualTo("client");
        assertThat(account.path("status").asString()).isEqualTo("invited");
        assertThat(account.path("invitationSentAt").isNull()).isFalse();
        // The id is the Keycloak user id, and the user waits for the invitation to be accepted.
        assertThat(TestBackends.keycloak().admin().findUserIdByEmail(email)).contains(id.toString());
        assertThat(TestBackends.keycloak().admin().realmRoles(id.toString())).contains("client");

        String link = InvitationMail.actionLink(awaitMail(email, 1).get(0));
        ActionLinkBrowser.Outcome outcome = new ActionLinkBrowser().follow(link, NEW_PASSWORD);
        assertThat(outcome.accountUpdated()).as(outcome.pages()).isTrue();
        assertThat(outcome.totpSecret()).as("clients are not made to set up TOTP").isNull();

        OidcBrowserlessLogin.Tokens tokens = TestBackends.keycloak().login(email, NEW_PASSWORD);
        assertThat(roles(tokens)).contains("client").doesNotContain("therapist", "admin");

        Api.Response me = api.get("/api/accounts/me", tokens.accessToken());
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().path("id").asString()).isEqualTo(id.toString());
        assertThat(me.json().path("role").asString()).isEqualTo("client");
        assertThat(me.json().path("status").asString()).isEqualTo("active");
        assertThat(me.json().path("displayName").asString()).isEqualTo("Zoë O'Brien-Smith");

        List<AccountsTopic.Received> events = topic.awaitRecords(id, 2);
        assertThat(events).extracting(AccountsTopic.Received::type).containsExactly("AccountInvited", "AccountActivated");
        assertThat(events.get(0).payload().path("role").asString()).isEqualTo("CLIENT");
        assertThat(events.get(0).payload().path("displayName").asString()).isEqualTo("Zoë O'Brien-Smith");
        assertThat(events).allSatisfy(event -> assertThat(event.text()).doesNotContainIgnoringCase(email));
        assertThat(events).extracting(event -> event.payload().path("sequence").asLong()).containsExactly(1L, 2L);
    }

    @Test
    void anInvitationInSpanishIsThePracticesOwnAndLeadsIntoThePortal() {
        String email = People.uniqueEmail("Invitada");
        Api.Response invited = api.post("/api/accounts", People.token(People.ADMIN),
                Map.of("email", email, "firstName", "Lucía", "lastName", "Reyes", "role", "client", "language", "es"));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);

        MailServer.ReceivedMail mail = awaitMail(email, 1).get(0);
        // The practice's words from the realm's email theme, in the language chosen, not Keycloak's "Update Your Account".
        assertThat(mail.subject()).isEqualTo("Su invitación a Secure Base");
        assertThat(mail.plainTextPart()).contains("Hola, Lucía:").contains("le ha invitado a Secure Base")
                .doesNotContain("Your administrator", "Su administrador");
        ActionLinkBrowser.Outcome outcome = new ActionLinkBrowser().follow(InvitationMail.actionLink(mail), NEW_PASSWORD);
        assertThat(outcome.accountUpdated()).as(outcome.pages()).isTrue();
        assertThat(outcome.lastPage()).as("the last page leads to the portal's home")
                .contains("Su cuenta se ha actualizado").contains("href=\"" + TestKeycloak.PORTAL_PUBLIC_URL + "/\"");
        OidcBrowserlessLogin.Tokens tokens = TestBackends.keycloak().login(email, NEW_PASSWORD);
        assertThat(tokens.idTokenClaims().path("locale").asString()).as("Keycloak keeps the invitation's language")
                .isEqualTo("es");
        Api.Response preferences = api.get("/api/accounts/me/notifications", tokens.accessToken());
        assertThat(preferences.status()).as(preferences.toString()).isEqualTo(200);
        assertThat(preferences.json().path("language").asString()).as("and so do her emails, until she chooses")
                .isEqualTo("es");
    }

    @Test
    void anInvitedTherapistMustSetUpTotpAndThenLogsInWithItAsTherapist() {
        String email = People.uniqueEmail("invited-therapist");
        Api.Response invited = api.post("/api/accounts", People.token(People.ADMIN),
                Map.of("email", email, "firstName", "Tara", "lastName", "Therapeut", "role", "therapist"));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);

        ActionLinkBrowser.Outcome outcome = new ActionLinkBrowser()
                .follow(InvitationMail.actionLink(awaitMail(email, 1).get(0)), NEW_PASSWORD);
        assertThat(outcome.accountUpdated()).as(outcome.pages()).isTrue();
        assertThat(outcome.totpSecret()).as("therapists set up TOTP while accepting").isNotNull();

        OidcBrowserlessLogin oidc = TestBackends.keycloak().oidc();
        assertThat(oidc.attempt(email, NEW_PASSWORD, null, false).step())
                .as("a password alone is not enough for a therapist")
                .isEqualTo(OidcBrowserlessLogin.Step.OTP_REQUIRED);
        // Keycloak does not accept the code used for enrolment twice; log in with the next one.
        await("next TOTP time step").atMost(Duration.ofSeconds(35))
                .until(() -> Instant.now().getEpochSecond() / 30 > outcome.totpStep());
        OidcBrowserlessLogin.Tokens tokens = oidc.login(email, NEW_PASSWORD, outcome.totpSecret());
        assertThat(roles(tokens)).contains("therapist").doesNotContain("admin");
    }

    @Test
    void anInvitationCanBeSentAgainUntilItIsAccepted() {
        String email = People.uniqueEmail("resend");
        String admin = People.token(People.ADMIN);
        UUID id = UUID.fromString(api.post("/api/accounts", admin,
                Map.of("email", email, "firstName", "Rey", "lastName", "Send", "role", "client")).json().path("id").asString());
        awaitMail(email, 1);

        Api.Response resent = api.post("/api/accounts/" + id + "/invitation", admin, null);
        assertThat(resent.status()).as(resent.toString()).isEqualTo(200);
        List<MailServer.ReceivedMail> mails = awaitMail(email, 2);

        // The newer link works (the older one does too until it expires).
        assertThat(new ActionLinkBrowser().follow(InvitationMail.actionLink(mails.get(1)), NEW_PASSWORD).accountUpdated()).isTrue();
        Api.Response again = api.post("/api/accounts/" + id + "/invitation", admin, null);
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
        assertThat(api.get("/api/accounts/" + id, admin).json().path("status").asString())
                .as("accepting was noticed while refusing the resend").isEqualTo("active");
    }

    @Test
    void badInvitationsAreRefusedAsProblemsAndChangeNothingInKeycloakOrHere() {
        String admin = People.token(People.ADMIN);
        String taken = People.uniqueEmail("taken-in-keycloak-only");
        People.createInKeycloak(taken, "Kay", "Cloak", "client");
        long accountsBefore = count("account");
        long eventsBefore = eventsOtherThanHeartbeats();

        record Bad(String why, Map<String, Object> body, int status, String field) {
        }
        List<Bad> bads = List.of(
                new Bad("not an email", invitation("not-an-email", "client"), 400, "email"),
                new Bad("email without domain dot", invitation("someone@localhost", "client"), 400, "email"),
                new Bad("unknown role", invitation(People.uniqueEmail("role"), "superuser"), 400, "role"),
                new Bad("no role", Map.of("email", People.uniqueEmail("norole"), "firstName", "A", "lastName", "B"), 400, "role"),
                new Bad("markup in a name", Map.of("email", People.uniqueEmail("markup"), "firstName", "<script>",
                        "lastName", "B", "role", "client"), 400, "firstName"),
                new Bad("blank last name", Map.of("email", People.uniqueEmail("blank"), "firstName", "A",
                        "lastName", "  ", "role", "client"), 400, "lastName"),
                new Bad("a language there are no pages in", Map.of("email", People.uniqueEmail("lang"), "firstName", "A",
                        "lastName", "B", "role", "client", "language", "de"), 400, "language"),
                new Bad("email of an account here (any case)", invitation(People.ADMIN.toUpperCase(), "therapist"), 409, null),
                new Bad("email of a Keycloak user not adopted yet", invitation(taken, "client"), 409, null));

        for (Bad bad : bads) {
            Api.Response response = api.post("/api/accounts", admin, bad.body());
            assertThat(response.status()).as(bad.why() + ": " + response).isEqualTo(bad.status());
            assertThat(response.isProblem()).as(bad.why()).isTrue();
            if (bad.field() != null) {
                assertThat(response.json().path("errors").toString()).as(bad.why()).contains("\"" + bad.field() + "\"");
            }
            String email = String.valueOf(bad.body().get("email"));
            if (!email.equalsIgnoreCase(People.ADMIN) && !email.equals(taken)) {
                assertThat(People.existsInKeycloak(email)).as(bad.why() + ": no Keycloak user").isFalse();
            }
        }
        Api.Response malformed = api.post("/api/accounts", admin, "{\"email\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();

        assertThat(count("account")).isEqualTo(accountsBefore);
        assertThat(eventsOtherThanHeartbeats()).isEqualTo(eventsBefore);
        assertThat(TestBackends.keycloak().admin().findUserIdByEmail(taken)).isPresent();
    }

    @Test
    void onlyAdminsMayInvite() {
        for (String who : List.of(People.THERAPIST, People.CLIENT)) {
            String email = People.uniqueEmail("by-" + who.substring(0, who.indexOf('@')));
            Api.Response response = api.post("/api/accounts", People.token(who), invitation(email, "admin"));
            assertThat(response.status()).as(who).isEqualTo(403);
            assertThat(response.isProblem()).isTrue();
            assertThat(People.existsInKeycloak(email)).isFalse();
        }
        Api.Response anonymous = api.post("/api/accounts", null, invitation(People.uniqueEmail("anon"), "client"));
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void aFailureAfterKeycloakCreatedTheUserIsCompensatedByDeletingIt() {
        String email = People.uniqueEmail("compensated");
        long eventsBefore = eventsOtherThanHeartbeats();
        faults.failOn(KeycloakFaults.Operation.GRANT_ROLE);

        Api.Response response = api.post("/api/accounts", People.token(People.ADMIN), invitation(email, "therapist"));

        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.isProblem()).isTrue();
        assertThat(People.existsInKeycloak(email)).as("the created Keycloak user was deleted again").isFalse();
        assertThat(jdbc.queryForObject("select count(*) from account where email = ?", Long.class, email)).isZero();
        assertThat(eventsOtherThanHeartbeats()).isEqualTo(eventsBefore);

        faults.clear();
        Api.Response retried = api.post("/api/accounts", People.token(People.ADMIN), invitation(email, "therapist"));
        assertThat(retried.status()).as("the admin can simply try again: " + retried).isEqualTo(201);
    }

    @Test
    void anInvitationEmailThatCouldNotBeSentIsRetriedUntilItGoesOut() {
        String email = People.uniqueEmail("retried");
        faults.failOn(KeycloakFaults.Operation.SEND_ACTIONS_EMAIL);

        Api.Response response = api.post("/api/accounts", People.token(People.ADMIN), invitation(email, "client"));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        UUID id = UUID.fromString(response.json().path("id").asString());
        assertThat(response.json().path("invitationSentAt").isNull()).as("not sent yet").isTrue();
        assertThat(invitationRetry.retryPending()).as("still failing").isZero();
        assertThat(TestBackends.mail().messagesTo(email)).isEmpty();

        faults.clear();
        assertThat(invitationRetry.retryPending()).isGreaterThanOrEqualTo(1);
        assertThat(InvitationMail.actionLink(awaitMail(email, 1).get(0))).contains("action-token");
        assertThat(jdbc.queryForObject("select invitation_sent_at is not null from account where id = ?", Boolean.class, id)).isTrue();
        assertThat(invitationRetry.retryPending()).as("sent once, not again").isZero();
        assertThat(TestBackends.mail().messagesTo(email)).hasSize(1);
    }

    private static Map<String, Object> invitation(String email, String role) {
        return Map.of("email", email, "firstName", "Ina", "lastName", "Vite", "role", role);
    }

    private static List<MailServer.ReceivedMail> awaitMail(String email, int count) {
        await("%d email(s) to %s".formatted(count, email)).atMost(Duration.ofSeconds(60))
                .until(() -> TestBackends.mail().messagesTo(email).size() >= count);
        return TestBackends.mail().messagesTo(email);
    }

    private static List<String> roles(OidcBrowserlessLogin.Tokens tokens) {
        List<String> roles = new java.util.ArrayList<>();
        tokens.accessTokenClaims().path("realm_access").path("roles").forEach(role -> roles.add(role.asString()));
        return roles;
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    /** Outbox rows, less the heartbeats the service writes every few seconds whatever a test does. */
    private long eventsOtherThanHeartbeats() {
        return jdbc.queryForObject("select count(*) from event_publication where serialized_event not like ?", Long.class,
                "%AccountsHeartbeat%");
    }
}
