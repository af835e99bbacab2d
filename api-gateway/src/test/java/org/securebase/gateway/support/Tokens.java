package org.securebase.gateway.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.securebase.platform.test.TestBackends;
import org.securebase.platform.test.TestKeycloak;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real access tokens from the test Keycloak (the project's realm), cached for two minutes - they live five.
 */
public final class Tokens {

    public static final String CLIENT = "client@securebase.test";
    public static final String THERAPIST = "therapist@securebase.test";
    public static final String ADMIN = "admin@securebase.test";

    private record Cached(String token, Instant fetchedAt) {
    }

    private static final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private static final JsonMapper json = JsonMapper.builder().build();

    private Tokens() {
    }

    public static TestKeycloak keycloak() {
        return TestBackends.keycloak();
    }

    /** A demo user's access token, issued to the portal client (audiences: the three APIs). */
    public static String of(String username) {
        Cached cached = cache.get(username);
        if (cached == null || cached.fetchedAt().isBefore(Instant.now().minus(Duration.ofMinutes(2)))) {
            cached = new Cached(keycloak().accessToken(username), Instant.now());
            cache.put(username, cached);
        }
        return cached.token();
    }

    /**
     * A genuine token of the same realm, signed by the same key, but issued to the account-service client by
     * the client-credentials grant: it is meant for Keycloak's admin API, not for any Secure Base API.
     */
    public static String otherAudience() {
        String form = "grant_type=client_credentials&client_id=account-service&client_secret="
                + URLEncoder.encode(TestKeycloak.ACCOUNT_SERVICE_CLIENT_SECRET, StandardCharsets.UTF_8);
        HttpClient http = HttpClient.newHttpClient();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(keycloak().issuerUri() + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("client-credentials grant failed: " + response.statusCode());
            }
            JsonNode body = json.readTree(response.body());
            return body.get("access_token").asString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
