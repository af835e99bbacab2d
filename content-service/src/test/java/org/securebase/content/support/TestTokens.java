package org.securebase.content.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.securebase.platform.test.TestBackends;

import tools.jackson.databind.json.JsonMapper;

/** Real access tokens from the test Keycloak, reused for a minute (they live five). */
public final class TestTokens {

    public static final String CLIENT = "client@securebase.test";
    public static final String THERAPIST = "therapist@securebase.test";
    public static final String ADMIN = "admin@securebase.test";

    private static final Duration REUSE = Duration.ofMinutes(1);
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestTokens() {
    }

    public static String client() {
        return of(CLIENT);
    }

    public static String therapist() {
        return of(THERAPIST);
    }

    public static String admin() {
        return of(ADMIN);
    }

    public static String of(String username) {
        Cached cached = CACHE.get(username);
        if (cached == null || cached.fetched().plus(REUSE).isBefore(Instant.now())) {
            cached = new Cached(TestBackends.keycloak().accessToken(username), Instant.now());
            CACHE.put(username, cached);
        }
        return cached.token();
    }

    /**
     * Creates a user with realm roles once per test JVM (Keycloak keeps users between test classes); a therapist also
     * needs the test realm's {@code mfa-exempt} to sign in without a second factor.
     */
    public static synchronized String ensureUser(String email, String... realmRoles) {
        String key = "created:" + email;
        if (!CACHE.containsKey(key)) {
            TestBackends.keycloak().createUser(email, "Test", "User", realmRoles);
            CACHE.put(key, new Cached("", Instant.MAX));
        }
        return of(email);
    }

    /** The {@code sub} claim: the id services know the person by. */
    public static UUID subject(String token) {
        String payload = token.split("\\.")[1];
        byte[] json = Base64.getUrlDecoder().decode(payload);
        return UUID.fromString(JSON.readTree(new String(json, StandardCharsets.UTF_8)).get("sub").asString());
    }

    private record Cached(String token, Instant fetched) {
    }
}
