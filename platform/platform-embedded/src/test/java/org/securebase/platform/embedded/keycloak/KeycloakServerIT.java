package org.securebase.platform.embedded.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.securebase.platform.embedded.FreePorts;
import org.securebase.platform.embedded.keycloak.OidcBrowserlessLogin.LoginResult;
import org.securebase.platform.embedded.keycloak.OidcBrowserlessLogin.Step;
import org.securebase.platform.embedded.keycloak.OidcBrowserlessLogin.TokenRequestException;
import org.securebase.platform.embedded.keycloak.OidcBrowserlessLogin.Tokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real Keycloak with the realm as code (deploy/keycloak), on embedded PostgreSQL, with GreenMail as SMTP.
 * Install dir: {@code -Dsecurebase.keycloak.install} (default {@code ${java.io.tmpdir}/securebase-keycloak-it-<version>},
 * kept between runs so only the first run pays for unpacking and {@code kc.sh build}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakServerIT {

    static final String DEMO_PASSWORD = "Demo-Passw0rd-2025";
    static final String PORTAL_SECRET = "portal-it-secret-" + Long.toHexString(System.nanoTime());
    static final String ACCOUNT_SERVICE_SECRET = "account-it-secret-" + Long.toHexString(System.nanoTime());
    static final JsonMapper JSON = JsonMapper.builder().build();

    EmbeddedPostgres postgres;
    GreenMail mail;
    KeycloakServer keycloak;
    KeycloakAdmin admin;
    String portalPublicUrl;
    final HttpClient http = HttpClient.newHttpClient();
    final List<String> createdUsers = new ArrayList<>();

    @BeforeAll
    void startServers() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE keycloak");
        }
        int[] ports = FreePorts.distinct(4);
        int smtpPort = ports[0];
        mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();

        Path repoRoot = repoRoot();
        portalPublicUrl = "http://localhost:" + ports[1];
        String install = System.getProperty("securebase.keycloak.install");
        keycloak = KeycloakServer.builder()
                // not the local stack's default dir: a running stack holds that dir's lock
                .installDir(install != null ? Paths.get(install)
                        : Paths.get(System.getProperty("java.io.tmpdir"), "securebase-keycloak-it-" + KeycloakServer.KEYCLOAK_VERSION))
                .httpPort(ports[2])
                .managementPort(ports[3])
                .publicUrl(portalPublicUrl + "/auth")
                .database("jdbc:postgresql://localhost:" + postgres.getPort() + "/keycloak", "postgres", "postgres")
                .bootstrapAdmin("kc-admin", "kc-admin-" + Long.toHexString(System.nanoTime()))
                .realmImport(repoRoot.resolve("deploy/keycloak/dev/securebase-realm.json"),
                        repoRoot.resolve("deploy/keycloak/dev/securebase-users-0.json"))
                .passwordDenyList(repoRoot.resolve("deploy/keycloak/password-deny-list.txt"))
                .theme(repoRoot.resolve("deploy/keycloak/themes/securebase"))
                .env("SECUREBASE_PUBLIC_URL", portalPublicUrl)
                .env("SECUREBASE_PORTAL_BACKCHANNEL_LOGOUT_URL", portalPublicUrl + "/logout/connect/back-channel/keycloak")
                .env("SECUREBASE_PORTAL_CLIENT_SECRET", PORTAL_SECRET)
                .env("SECUREBASE_ACCOUNT_SERVICE_CLIENT_SECRET", ACCOUNT_SERVICE_SECRET)
                .env("SECUREBASE_DEMO_PASSWORD", DEMO_PASSWORD)
                .env("SECUREBASE_SMTP_HOST", "127.0.0.1")
                .env("SECUREBASE_SMTP_PORT", String.valueOf(smtpPort))
                .logFile(Paths.get("target/keycloak-it.log"))
                .build();
        keycloak.start();
        System.out.printf("Keycloak first start: %d ms (kc.sh build ran: %s)%n",
                keycloak.lastStartDuration().orElseThrow().toMillis(), keycloak.lastStartBuilt());
        admin = KeycloakAdmin.of(keycloak);
    }

    @AfterAll
    void stopServers() throws IOException {
        try {
            if (admin != null && keycloak != null && keycloak.isRunning()) {
                createdUsers.forEach(admin::deleteUserByEmail);
            }
        } finally {
            try {
                if (keycloak != null) {
                    keycloak.stop();
                    assertThat(keycloak.isRunning()).isFalse();
                }
            } finally {
                if (mail != null) {
                    mail.stop();
                }
                if (postgres != null) {
                    postgres.close();
                }
            }
        }
    }

    OidcBrowserlessLogin portal() {
        return OidcBrowserlessLogin.portal(keycloak, portalPublicUrl, PORTAL_SECRET);
    }

    @Test
    @Order(1)
    void clientLoginYieldsTokensForTheApis() throws Exception {
        Tokens tokens = portal().login("client@securebase.test", DEMO_PASSWORD);
        JsonNode access = tokens.accessTokenClaims();

        assertThat(strings(access.path("aud"))).contains("content-service", "journal-service", "account-service");
        assertThat(strings(access.path("realm_access").path("roles"))).contains("client")
                .doesNotContain("therapist", "admin", "mfa-exempt");
        assertThat(access.path("iss").asString()).isEqualTo(keycloak.issuerUri())
                .isEqualTo(portalPublicUrl + "/auth/realms/securebase");
        assertThat(access.path("exp").asLong() - access.path("iat").asLong()).isLessThanOrEqualTo(300);
        assertThat(tokens.expiresIn()).isLessThanOrEqualTo(300);
        assertThat(access.path("azp").asString()).isEqualTo("portal");
        assertThat(access.path("sub").asString()).isNotBlank();
        assertThat(access.path("email").asString()).isEqualTo("client@securebase.test");
        assertThat(access.path("name").asString()).isEqualTo("Casey Client");

        JsonNode id = tokens.idTokenClaims();
        assertThat(strings(id.path("realm_access").path("roles"))).contains("client");
        assertThat(id.path("sub").asString()).isEqualTo(access.path("sub").asString());

        HttpResponse<String> userinfo = http.send(HttpRequest.newBuilder(URI.create(keycloak.userInfoUri()))
                .header("Authorization", "Bearer " + tokens.accessToken()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(userinfo.statusCode()).isEqualTo(200);
        JsonNode info = JSON.readTree(userinfo.body());
        assertThat(strings(info.path("realm_access").path("roles"))).contains("client");
        assertThat(info.path("email").asString()).isEqualTo("client@securebase.test");

        // discovery on the internal address: public issuer, internal (backchannel) endpoints
        JsonNode discovery = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(keycloak.internalBaseUrl()
                + "/realms/securebase/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(discovery.path("issuer").asString()).isEqualTo(keycloak.issuerUri());
        assertThat(discovery.path("jwks_uri").asString()).isEqualTo(keycloak.jwkSetUri());
        assertThat(discovery.path("token_endpoint").asString()).isEqualTo(keycloak.tokenUri());
        assertThat(discovery.path("authorization_endpoint").asString()).startsWith(portalPublicUrl + "/auth/");
    }

    @Test
    @Order(2)
    void directAccessGrantIsRefused() {
        assertThatThrownBy(() -> portal().tokenRequest(Map.of("grant_type", "password",
                "username", "client@securebase.test", "password", DEMO_PASSWORD, "scope", "openid")))
                .isInstanceOfSatisfying(TokenRequestException.class, e -> {
                    assertThat(e.status()).isIn(400, 401);
                    assertThat(e.error()).isEqualTo("unauthorized_client");
                });
    }

    @Test
    @Order(2)
    void onlyTheCodeFlowWithPkceAndTheExactRedirectUriIsAccepted() throws Exception {
        String redirect = portalPublicUrl + "/login/oauth2/code/keycloak";
        String auth = keycloak.internalAuthorizationUri() + "?client_id=portal&scope=openid&state=s&redirect_uri="
                + URLEncoder.encode(redirect, StandardCharsets.UTF_8);

        HttpResponse<String> noPkce = http.send(HttpRequest.newBuilder(URI.create(auth + "&response_type=code")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noPkce.statusCode()).isEqualTo(302);
        assertThat(noPkce.headers().firstValue("Location").orElseThrow()).startsWith(redirect).contains("error=invalid_request");

        String plainPkce = auth + "&response_type=code&code_challenge=" + "a".repeat(43) + "&code_challenge_method=plain";
        assertThat(http.send(HttpRequest.newBuilder(URI.create(plainPkce)).build(), HttpResponse.BodyHandlers.ofString())
                .headers().firstValue("Location").orElseThrow()).contains("error=invalid_request");

        HttpResponse<String> implicit = http.send(HttpRequest.newBuilder(URI.create(auth + "&response_type=token&nonce=n")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(implicit.statusCode()).isEqualTo(302);
        assertThat(implicit.headers().firstValue("Location").orElseThrow()).contains("error=unauthorized_client");

        String otherRedirect = keycloak.internalAuthorizationUri() + "?client_id=portal&scope=openid&response_type=code&redirect_uri="
                + URLEncoder.encode(portalPublicUrl + "/login/oauth2/code/keycloak/evil", StandardCharsets.UTF_8);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(otherRedirect)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(400);
    }

    @Test
    @Order(3)
    void refreshTokenIsRotatedAndAReusedOneIsRefused() {
        OidcBrowserlessLogin portal = portal();
        Tokens first = portal.login("client@securebase.test", DEMO_PASSWORD);
        Tokens second = portal.refresh(first.refreshToken());
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());

        assertThatThrownBy(() -> portal.refresh(first.refreshToken()))
                .isInstanceOfSatisfying(TokenRequestException.class, e -> assertThat(e.error()).isEqualTo("invalid_grant"));
    }

    @Test
    @Order(4)
    void wrongPasswordIsRefused() {
        String email = created("wrong-password@securebase.test");
        String id = admin.createUser(email, "Wanda", "Wrong", "Right-Passw0rd-2025", "client");

        LoginResult result = portal().attempt(email, "not-the-password-at-all", null, false);
        assertThat(result.step()).isEqualTo(Step.INVALID_CREDENTIALS);
        assertThat(result.tokens()).isNull();
        assertThat(result.message()).containsIgnoringCase("invalid");

        assertThat(portal().login(email, "Right-Passw0rd-2025").accessToken()).isNotBlank();
        // Both are on record in Keycloak's event store (the realm keeps login events).
        assertThat(admin.loginEvents("LOGIN_ERROR", id)).as("the failed sign-in").hasSize(1);
        assertThat(admin.loginEvents("LOGIN", id)).as("the sign-in").hasSize(1);
    }

    @Test
    @Order(4)
    void bruteForceDetectionLocksTheAccountTemporarily() {
        String email = created("brute-force@securebase.test");
        admin.createUser(email, "Bruno", "Force", "Right-Passw0rd-2025", "client");
        for (int i = 0; i < 5; i++) {
            assertThat(portal().attempt(email, "wrong-password-" + i, null, false).step()).isEqualTo(Step.INVALID_CREDENTIALS);
        }
        // locked: even the right password is refused (Keycloak does not reveal the lock-out)
        assertThat(portal().attempt(email, "Right-Passw0rd-2025", null, false).step()).isEqualTo(Step.INVALID_CREDENTIALS);
    }

    @Test
    @Order(4)
    void passwordPolicyIsEnforced() {
        assertThatThrownBy(() -> admin.createUser(created("weak@securebase.test"), "Weak", "Password", "Short-pw-1", "client"))
                .hasMessageContaining("invalidPasswordMinLengthMessage");
        assertThatThrownBy(() -> admin.createUser(created("same-as-email@securebase.test"), "Same", "Email",
                "same-as-email@securebase.test", "client"))
                .hasMessageContaining("invalidPassword");
        assertThat(admin.findUserIdByEmail("weak@securebase.test")).isEmpty();

        assertThatThrownBy(() -> admin.createUser(created("common@securebase.test"), "Cody", "Common", "Password1234", "client"))
                .as("a common password (deploy/keycloak/password-deny-list.txt), whatever its case, is refused")
                .hasMessageContaining("invalidPasswordBlacklistedMessage");
        assertThat(admin.findUserIdByEmail("common@securebase.test")).isEmpty();

        String userId = admin.createUser(created("history@securebase.test"), "Hana", "History", "History-Passw0rd-1", "client");
        admin.setPassword(userId, "History-Passw0rd-2", false);
        assertThatThrownBy(() -> admin.setPassword(userId, "History-Passw0rd-1", false))
                .as("a password among the last five is refused").hasMessageContaining("invalidPasswordHistoryMessage");
    }

    /** Email is how a person is reached and recovered, so only an admin changes it (Keycloak's user profile). */
    @Test
    @Order(4)
    void peopleCannotChangeTheirOwnEmail() throws Exception {
        String email = created("own-email@securebase.test");
        String userId = admin.createUser(email, "Olga", "Own", "Own-Email-Passw0rd-1", "client");
        Tokens tokens = portal().login(email, "Own-Email-Passw0rd-1");
        URI account = URI.create(keycloak.internalBaseUrl() + "/realms/securebase/account/");
        HttpResponse<String> profile = http.send(HttpRequest.newBuilder(account).header("Authorization", "Bearer " + tokens.accessToken())
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
        ObjectNode changed = (ObjectNode) JSON.readTree(profile.body());
        changed.put("email", "taken-over@example.org");
        HttpResponse<String> update = http.send(HttpRequest.newBuilder(account).header("Authorization", "Bearer " + tokens.accessToken())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(changed.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(update.statusCode()).as(update.body()).isEqualTo(400);
        assertThat(update.body()).contains("error-user-attribute-read-only");
        assertThat(admin.findUserIdByEmail(email)).contains(userId);
        assertThat(admin.findUserIdByEmail("taken-over@example.org")).isEmpty();

        ObjectNode renamed = (ObjectNode) JSON.readTree(profile.body());
        renamed.put("firstName", "Olgah");
        HttpResponse<String> rename = http.send(HttpRequest.newBuilder(account).header("Authorization", "Bearer " + tokens.accessToken())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(renamed.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(rename.statusCode()).as("names stay the person's own: " + rename.body()).isEqualTo(204);
    }

    @Test
    @Order(5)
    void therapistWithoutExemptionMustSetUpTotpButDemoTherapistNeedNot() {
        Tokens demo = portal().login("therapist@securebase.test", DEMO_PASSWORD);
        assertThat(strings(demo.accessTokenClaims().path("realm_access").path("roles"))).contains("therapist", "mfa-exempt");

        String email = created("new-therapist@securebase.test");
        String userId = admin.createUser(email, "Nora", "New", "Therapist-Passw0rd-1", "therapist");
        assertThat(admin.realmRoles(userId)).contains("therapist", "mfa-required").doesNotContain("mfa-exempt");

        LoginResult blocked = portal().attempt(email, "Therapist-Passw0rd-1", null, false);
        assertThat(blocked.step()).isEqualTo(Step.OTP_SETUP_REQUIRED);
        assertThat(blocked.html()).contains("kc-totp-settings-form");
        assertThat(blocked.tokens()).isNull();

        LoginResult enrolled = portal().attempt(email, "Therapist-Passw0rd-1", null, true);
        assertThat(enrolled.step()).isEqualTo(Step.TOKENS);
        assertThat(enrolled.enrolledTotpSecret()).isNotBlank();
        assertThat(admin.credentialTypes(userId)).contains("otp");

        assertThat(portal().attempt(email, "Therapist-Passw0rd-1", null, false).step()).isEqualTo(Step.OTP_REQUIRED);
        Tokens withOtp = portal().login(email, "Therapist-Passw0rd-1", enrolled.enrolledTotpSecret());
        assertThat(strings(withOtp.accessTokenClaims().path("realm_access").path("roles"))).contains("therapist");
    }

    @Test
    @Order(6)
    void accountServiceAccountCanDoItsJobAndNoMore() throws Exception {
        String token = serviceAccountToken();
        JsonNode claims = Tokens.claims(token);
        assertThat(strings(claims.path("resource_access").path("realm-management").path("roles")))
                .containsExactlyInAnyOrder("manage-users", "view-realm", "view-events");

        String email = created("invited@securebase.test");
        HttpResponse<String> created = admin(token, "POST", "/users", "{\"username\":\"" + email + "\",\"email\":\"" + email
                + "\",\"firstName\":\"Ivy\",\"lastName\":\"Invited\",\"enabled\":true,\"emailVerified\":true}");
        assertThat(created.statusCode()).isEqualTo(201);
        HttpResponse<String> found = admin(token, "GET", "/users?exact=true&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8), null);
        assertThat(found.statusCode()).isEqualTo(200);
        String id = JSON.readTree(found.body()).get(0).path("id").asString();

        HttpResponse<String> role = admin(token, "GET", "/roles/therapist", null);
        assertThat(role.statusCode()).isEqualTo(200);
        assertThat(admin(token, "POST", "/users/" + id + "/role-mappings/realm", "[" + role.body() + "]").statusCode()).isEqualTo(204);
        assertThat(admin.realmRoles(id)).contains("therapist");

        assertThat(admin(token, "PUT", "/users/" + id + "/execute-actions-email?lifespan=86400", "[\"UPDATE_PASSWORD\"]").statusCode())
                .isEqualTo(204);
        assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage invitation = mail.getReceivedMessages()[0];
        assertThat(invitation.getAllRecipients()[0].toString()).isEqualTo(email);
        assertThat(invitation.getFrom()[0].toString()).contains("no-reply@securebase.test");

        assertThat(admin(token, "POST", "/users/" + id + "/logout", null).statusCode()).isEqualTo(204);
        assertThat(admin(token, "PUT", "/users/" + id, "{\"enabled\":false}").statusCode()).isEqualTo(204);

        // least privilege: no client or realm administration, no admin-role grants
        assertThat(admin(token, "GET", "/clients", null).statusCode()).isEqualTo(403);
        assertThat(admin(token, "PUT", "", "{\"registrationAllowed\":true}").statusCode()).isEqualTo(403);
    }

    @Test
    @Order(6)
    void realmSettingsAreAsSpecified() throws Exception {
        HttpResponse<String> response = admin(serviceAccountToken(), "GET", "", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode realm = JSON.readTree(response.body());
        assertThat(realm.path("accessTokenLifespan").asInt()).isEqualTo(300);
        assertThat(realm.path("revokeRefreshToken").asBoolean()).isTrue();
        assertThat(realm.path("refreshTokenMaxReuse").asInt()).isZero();
        assertThat(realm.path("ssoSessionIdleTimeout").asInt()).isEqualTo(900);
        assertThat(realm.path("ssoSessionMaxLifespan").asInt()).isEqualTo(8 * 3600);
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("permanentLockout").asBoolean()).isFalse();
        assertThat(realm.path("registrationAllowed").asBoolean()).isFalse();
        assertThat(realm.path("loginWithEmailAllowed").asBoolean()).isTrue();
        assertThat(realm.path("duplicateEmailsAllowed").asBoolean()).isFalse();
        assertThat(realm.path("passwordPolicy").asString()).contains("length(12)", "notUsername", "notEmail");
        assertThat(realm.path("browserFlow").asString()).isEqualTo("securebase browser");
        assertThat(realm.path("resetCredentialsFlow").asString()).isEqualTo("securebase reset credentials");
        assertThat(realm.path("passwordPolicy").asString()).contains("passwordHistory(5)", "passwordBlacklist(password-deny-list.txt)");
        assertThat(realm.path("smtpServer").path("host").asString()).isEqualTo("127.0.0.1");
        assertThat(realm.path("smtpServer").path("port").asString()).isEqualTo(String.valueOf(mail.getSmtp().getPort()));
        assertThat(realm.path("smtpServer").path("from").asString()).isEqualTo("no-reply@securebase.test");
    }

    @Test
    @Order(7)
    void restartKeepsTheRealmAndIsFast() {
        keycloak.stop();
        assertThat(keycloak.isRunning()).isFalse();
        keycloak.start();
        System.out.printf("Keycloak restart: %d ms (kc.sh build ran: %s)%n",
                keycloak.lastStartDuration().orElseThrow().toMillis(), keycloak.lastStartBuilt());
        assertThat(keycloak.lastStartBuilt()).isFalse();
        assertThat(portal().login("client@securebase.test", DEMO_PASSWORD).accessToken()).isNotBlank();
    }

    // ------------------------------------------------------------------------------------------ helpers

    String created(String email) {
        createdUsers.add(email);
        admin.deleteUserByEmail(email);
        return email;
    }

    String serviceAccountToken() throws Exception {
        String form = "grant_type=client_credentials&client_id=account-service&client_secret="
                + URLEncoder.encode(ACCOUNT_SERVICE_SECRET, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloak.tokenUri()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    HttpResponse<String> admin(String token, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(keycloak.adminBaseUrl() + "/securebase" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> values.add(n.asString()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            values.add(node.asString());
        }
        return values;
    }

    static Path repoRoot() {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/keycloak"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("deploy/keycloak not found above " + Paths.get("").toAbsolutePath());
        }
        return dir;
    }
}
