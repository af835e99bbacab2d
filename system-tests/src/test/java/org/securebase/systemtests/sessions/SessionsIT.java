package org.securebase.systemtests.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.securebase.localstack.SecureBaseStack;
import org.securebase.platform.embedded.keycloak.KeycloakAdmin;
import org.securebase.platform.embedded.keycloak.OidcBrowserlessLogin;
import org.securebase.platform.embedded.keycloak.OidcBrowserlessLogin.TokenRequestException;
import org.securebase.platform.embedded.keycloak.OidcBrowserlessLogin.Tokens;
import org.securebase.systemtests.Browser;
import org.securebase.systemtests.RunningStack;
import org.securebase.systemtests.ServiceDatabase;
import org.securebase.systemtests.authorization.ApiService;
import org.securebase.systemtests.authorization.Http;
import org.securebase.systemtests.authorization.StackAccess;

/**
 * The session rules of docs/architecture.md ("Identity and sessions"), proven on the running platform with real tokens and a real browser: idle sessions end
 * (Keycloak's and the portal's own), logout ends the Keycloak session, a refresh token works once, and a deactivated
 * person is locked out at once, also with the access token they still hold. The browser's logout journey is in
 * {@code LoginJourneyIT}.
 */
@ExtendWith(RunningStack.class)
class SessionsIT {

    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static final Duration PORTAL_IDLE_TIMEOUT = Duration.ofMinutes(15);

    private final Http http = new Http();
    private SecureBaseStack stack;
    private StackAccess access;
    private KeycloakAdmin keycloak;
    private WebDriver browser;
    private static final Map<String, Integer> CHECKS = new java.util.concurrent.ConcurrentSkipListMap<>();

    @BeforeEach
    void connect() {
        stack = RunningStack.get();
        access = StackAccess.of(stack);
        keycloak = access.keycloakAdmin();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterAll
    static void printSummary() {
        System.out.println("sessions " + CHECKS.entrySet().stream().map(check -> check.getKey() + "=" + check.getValue())
                .collect(Collectors.joining(" ")));
    }

    @Test
    void aRefreshTokenWorksOnceAndItsReuseIsRefused() {
        String email = newClient();
        Tokens first = access.portal().login(email, stack.demoPassword());
        Tokens second = access.portal().refresh(first.refreshToken());

        assertThatThrownBy(() -> access.portal().refresh(first.refreshToken()))
                .isInstanceOfSatisfying(TokenRequestException.class,
                        refused -> assertThat(refused.status()).isEqualTo(400));
        assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        CHECKS.put("refresh-reuse-refused", 1);
    }

    @Test
    void logoutEndsTheKeycloakSessionSoNoNewTokenCanBeHad() {
        String email = newClient();
        Tokens tokens = access.portal().login(email, stack.demoPassword());
        access.portal().refresh(tokens.refreshToken());
        Tokens current = access.portal().login(email, stack.demoPassword());

        access.portal().logout(current.refreshToken());

        assertThatThrownBy(() -> access.portal().refresh(current.refreshToken()))
                .isInstanceOfSatisfying(TokenRequestException.class,
                        refused -> assertThat(refused.error()).isEqualTo("invalid_grant"));
        CHECKS.put("refresh-after-logout-refused", 1);
    }

    /**
     * Keycloak's idle limit (15 minutes in the realm) is shortened to a few seconds for this test: a session left
     * alone that long can no longer be refreshed, while one refreshed in time could.
     */
    @Test
    void anIdleKeycloakSessionEnds() {
        int realmIdle = keycloak.realmSetting("ssoSessionIdleTimeout").asInt();
        assertThat(realmIdle).as("the realm's SSO idle timeout, seconds").isEqualTo(900);
        String email = newClient();
        int shortIdle = 6;
        keycloak.updateRealmSettings(Map.of("ssoSessionIdleTimeout", shortIdle));
        try {
            Tokens idle = access.portal().login(email, stack.demoPassword());
            long lifetime = Tokens.claims(idle.refreshToken()).path("exp").asLong()
                    - Tokens.claims(idle.refreshToken()).path("iat").asLong();
            assertThat(lifetime).as("refresh token lifetime = idle timeout").isEqualTo(shortIdle);

            await("the session idle for longer than " + shortIdle + " s").pollDelay(Duration.ofSeconds(shortIdle + 2))
                    .pollInterval(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(60))
                    .until(() -> refreshRefused(idle.refreshToken()));
        } finally {
            keycloak.updateRealmSettings(Map.of("ssoSessionIdleTimeout", realmIdle));
        }
        CHECKS.put("keycloak-idle-ended", 1);
    }

    /**
     * The portal keeps its own session (Spring Session in PostgreSQL, 15 minutes idle). Waiting 15 minutes is not a
     * test, so the real browser session's last access is moved 16 minutes into the past in the session store: the
     * portal then no longer knows the cookie and sends the browser to log in.
     */
    @Test
    void anIdlePortalSessionEnds() throws Exception {
        String email = newClient();
        String cookie = signInInANewBrowser(email);
        String sessionId = sessionIdOf(cookie);
        ServiceDatabase portal = ServiceDatabase.of(stack.database("portal"));

        assertThat(portalHomeStatus(cookie)).as("the live session").isEqualTo(200);
        assertThat(maxInactiveSeconds(portal, sessionId)).isEqualTo(PORTAL_IDLE_TIMEOUT.toSeconds());

        ageSession(portal, sessionId, PORTAL_IDLE_TIMEOUT.plusMinutes(1));

        assertThat(portalHomeStatus(cookie)).as("the session idle for 16 minutes: sent to log in").isEqualTo(302);
        CHECKS.put("portal-idle-ended", 1);
    }

    /**
     * What a reader of the portal's database or a backup finds after ten people sign in: session ids that cannot be
     * turned into a cookie (the cookie is the id signed with a key the database never sees) and sealed attributes with
     * no token, no claim and no name in them.
     */
    @Test
    void theSessionStoreHoldsNothingUsable() throws Exception {
        ServiceDatabase portal = ServiceDatabase.of(stack.database("portal"));
        List<String> people = new java.util.ArrayList<>();
        List<String> sessionIds = new java.util.ArrayList<>();
        List<String> cookies = new java.util.ArrayList<>();
        for (int signIn = 0; signIn < 10; signIn++) {
            String email = newClient();
            people.add(email);
            // a fresh browser each time: Keycloak's own cookies would sign the next person in as this one
            String cookie = signInInANewBrowser(email);
            cookies.add(cookie);
            sessionIds.add(sessionIdOf(cookie));
            browser.quit();
            browser = null;
        }

        for (int i = 0; i < sessionIds.size(); i++) {
            String storedId = sessionIds.get(i);
            assertThat(portalHomeStatus(cookies.get(i))).as("the signed cookie").isEqualTo(200);
            String idAsCookie = Base64.getEncoder().encodeToString(storedId.getBytes(StandardCharsets.UTF_8));
            assertThat(portalHomeStatus(idAsCookie)).as("a cookie made from the id the store holds").isEqualTo(302);
            List<String> attributes = portal.rows("""
                    select encode(a.attribute_bytes, 'escape') from spring_session_attributes a
                    join spring_session s on s.primary_id = a.session_primary_id where s.session_id = ?""", storedId);
            assertThat(attributes).as("the session's attributes").isNotEmpty();
            // Every needle is at least five characters long: the sealed bytes are random, and a three-character
            // needle such as "eyJ" turns up by chance in about one run in fifty.
            List<String> needles = List.of(
                    "eyJhbGci",                           // the start of every JWT: ID, access or refresh token
                    people.get(i), "Session",             // the person's address and family name
                    "realm_access", "java.", "springframework", cookies.get(i));
            List<String> found = needles.stream()
                    .filter(needle -> attributes.stream().anyMatch(stored -> stored.contains(needle)))
                    .toList();
            assertThat(found).as("readable text in session %d's sealed attributes", i).isEmpty();
        }
        CHECKS.put("session-store-unusable", sessionIds.size() * 3);
    }

    /**
     * An admin deactivates a client who is logged in: Keycloak ends their sessions, and journal-service and
     * account-service refuse the access token they still hold (valid for up to five more minutes) as soon as they
     * know, so the open portal page sends them to a login they can no longer pass.
     */
    @Test
    void aDeactivatedPersonIsLockedOutAtOnce() {
        String email = newClient();
        Tokens tokens = access.portal().login(email, stack.demoPassword());
        UUID id = UUID.fromString(call(tokens.accessToken(), ApiService.ACCOUNTS, "/api/accounts/me").expect(200)
                .json().path("id").asString());
        call(tokens.accessToken(), ApiService.JOURNAL, "/api/journal/entries").expect(200);
        browser = Browser.open();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get(stack.publicUrl() + "/");
        logIn(wait, email);

        Tokens admin = access.portal().login("admin@securebase.test", stack.demoPassword());
        http.send("POST", access.serviceUrl(ApiService.ACCOUNTS) + "/api/accounts/" + id + "/deactivation",
                admin.accessToken(), null, Map.of()).expect(200);

        assertThat(call(tokens.accessToken(), ApiService.ACCOUNTS, "/api/accounts/me").status()).isEqualTo(401);
        await("journal-service refusing the deactivated person's token").atMost(Duration.ofSeconds(60))
                .until(() -> call(tokens.accessToken(), ApiService.JOURNAL, "/api/journal/entries").status() == 401);
        Http.Response viaGateway = http.get(stack.publicUrl() + "/api/journal/entries", tokens.accessToken());
        assertThat(viaGateway.status()).isEqualTo(401);
        assertThat(viaGateway.isProblemJson()).isTrue();
        assertThatThrownBy(() -> access.portal().refresh(tokens.refreshToken()))
                .isInstanceOf(TokenRequestException.class);
        assertThat(access.portal().attempt(email, stack.demoPassword(), null, false).succeeded()).isFalse();

        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-form-login")));
        assertThat(browser.findElements(By.id("greeting"))).isEmpty();
        CHECKS.put("deactivated-refused", 5);
    }


    /**
     * Keycloak ends a person's sessions (here an admin's "sign out" in Keycloak; also the person signing out
     * elsewhere, or Keycloak expiring the session): Keycloak posts a logout token to the portal, and the portal session
     * opened with it is gone from the session store at once, before the browser asks for anything, with the tokens it
     * held. A logout token not signed by the realm is refused and ends nothing.
     */
    @Test
    void aKeycloakSessionEndedElsewhereEndsThePortalSessionAtOnce() throws Exception {
        String email = newClient();
        String userId = keycloak.findUserIdByEmail(email).orElseThrow();
        String cookie = signInInANewBrowser(email);
        String sessionId = sessionIdOf(cookie);
        ServiceDatabase portal = ServiceDatabase.of(stack.database("portal"));
        assertThat(portalHomeStatus(cookie)).as("the live session").isEqualTo(200);

        HttpResponse<String> forged = postLogoutToken(forgedLogoutToken(userId));
        assertThat(forged.statusCode()).as("a logout token signed by someone else: " + forged.body()).isEqualTo(400);
        assertThat(sessionRows(portal, sessionId)).as("the session after the forged logout").isOne();
        assertThat(portalHomeStatus(cookie)).isEqualTo(200);

        keycloak.logOutEverywhere(userId);

        await("the portal session ending without the browser asking, within the 10 s promised").atMost(Duration.ofSeconds(10))
                .until(() -> sessionRows(portal, sessionId) == 0);
        assertThat(portalHomeStatus(cookie)).as("the old cookie: sent to log in").isEqualTo(302);
        CHECKS.put("back-channel-logout", 4);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private String newClient() {
        String run = Long.toString(System.nanoTime() % 1_000_000_000L).chars()
                .mapToObj(digit -> String.valueOf((char) ('a' + digit - '0'))).collect(Collectors.joining());
        String email = "sam.session." + run + "." + PEOPLE.incrementAndGet() + "@example.org";
        keycloak.createUser(email, "Sam", "Session" + run, stack.demoPassword(), "client", "mfa-exempt");
        return email;
    }

    private boolean refreshRefused(String refreshToken) {
        try {
            access.portal().refresh(refreshToken);
            throw new AssertionError("an idle session's refresh token was honoured; the idle timeout did not end it");
        } catch (TokenRequestException refused) {
            return refused.error().equals("invalid_grant");
        }
    }

    private void logIn(WebDriverWait wait, String email) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-form-login")));
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(stack.demoPassword());
        browser.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("greeting")));
    }

    private Http.Response call(String token, ApiService service, String path) {
        return http.get(access.serviceUrl(service) + path, token);
    }

    /** The portal's home with only the session cookie, redirects not followed: 200 when the session is live. */
    private int portalHomeStatus(String sessionCookie) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.publicUrl() + "/"))
                .header("Cookie", "SB_SESSION=" + sessionCookie).GET().build();
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static long maxInactiveSeconds(ServiceDatabase portal, String sessionId) {
        List<String> interval = portal.rows("select max_inactive_interval from spring_session where session_id = ?",
                sessionId);
        assertThat(interval).as("the browser's session in the portal's session store").hasSize(1);
        return Long.parseLong(interval.get(0));
    }

    private static void ageSession(ServiceDatabase portal, String sessionId, Duration by) {
        assertThat(portal.update("""
                update spring_session set last_access_time = last_access_time - ?, expiry_time = expiry_time - ?
                where session_id = ?""", by.toMillis(), by.toMillis(), sessionId)).isOne();
    }

    private static long sessionRows(ServiceDatabase portal, String sessionId) {
        return portal.rows("select session_id from spring_session where session_id = ?", sessionId).size();
    }

    /** Posts a logout token to the portal's back-channel logout endpoint through the public origin, as anyone could. */
    private HttpResponse<String> postLogoutToken(String logoutToken) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.publicUrl() + "/logout/connect/back-channel/keycloak"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("logout_token=" + logoutToken)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A well-formed logout token for the person, claims as Keycloak writes them (no {@code sid}, so it would end all
     * their sessions), signed RS256 with a key the realm never had.
     */
    private String forgedLogoutToken(String subject) throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        java.security.KeyPair keys = generator.generateKeyPair();
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"alg\":\"RS256\",\"typ\":\"logout+jwt\",\"kid\":\"forged\"}";
        String claims = "{\"iss\":\"" + stack.publicUrl() + "/auth/realms/securebase\",\"aud\":\"portal\",\"sub\":\""
                + subject + "\",\"iat\":" + now + ",\"exp\":" + (now + 120) + ",\"jti\":\"" + UUID.randomUUID()
                + "\",\"events\":{\"http://schemas.openid.net/event/backchannel-logout\":{}}}";
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String signingInput = url.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        java.security.Signature rs256 = java.security.Signature.getInstance("SHA256withRSA");
        rs256.initSign(keys.getPrivate());
        rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + url.encodeToString(rs256.sign());
    }

    /** The session id inside the cookie (the part before its signature). */
    private static String sessionIdOf(String cookie) {
        String value = new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
        assertThat(value).as("the cookie is the session id and its signature").contains(".");
        return value.substring(0, value.lastIndexOf('.'));
    }

    /** Opens a browser (closed after the test), signs the person in on it and returns its portal session cookie. */
    private String signInInANewBrowser(String email) {
        browser = Browser.open();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get(stack.publicUrl() + "/");
        logIn(wait, email);
        return browser.manage().getCookieNamed("SB_SESSION").getValue();
    }
}
