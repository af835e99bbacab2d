package org.securebase.gateway.ratelimit;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.gateway.ApiGatewayApplication;
import org.securebase.gateway.support.RecordingBackend;
import org.securebase.gateway.support.Tokens;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits with tiny budgets (refilling over an hour, so nothing refills during the test): the request over
 * the limit gets 429 problem+json with Retry-After and never reaches a backend; budgets are per user and per
 * address; inviting has its own, smaller budget. Each test spends a different key, so their order is free.
 */
@SpringBootTest(classes = ApiGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RateLimitIT {

    private static final RecordingBackend portal = RecordingBackend.start("portal");
    private static final RecordingBackend keycloak = RecordingBackend.start("keycloak");
    private static final RecordingBackend content = RecordingBackend.start("content");
    private static final RecordingBackend journal = RecordingBackend.start("journal");
    private static final RecordingBackend account = RecordingBackend.start("account");

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("securebase.routes.portal", portal::url);
        registry.add("securebase.routes.keycloak", keycloak::url);
        registry.add("securebase.routes.content", content::url);
        registry.add("securebase.routes.journal", journal::url);
        registry.add("securebase.routes.account", account::url);
        registry.add("securebase.security.issuer-uri", () -> Tokens.keycloak().issuerUri());
        registry.add("securebase.security.jwk-set-uri", () -> Tokens.keycloak().jwkSetUri());
        registry.add("securebase.rate-limits.anonymous.requests", () -> "3");
        registry.add("securebase.rate-limits.anonymous.per", () -> "1h");
        registry.add("securebase.rate-limits.user.requests", () -> "4");
        registry.add("securebase.rate-limits.user.per", () -> "1h");
        registry.add("securebase.rate-limits.invitations.requests", () -> "1");
        registry.add("securebase.rate-limits.invitations.per", () -> "1h");
        // The test client plays a TLS-terminating proxy in front of the gateway, for the last test.
        registry.add("securebase.forwarding.trusted-proxies", () -> "127.0.0.1");
        registry.add("management.server.port", () -> "0");
    }

    @AfterAll
    static void stopBackends() {
        for (RecordingBackend backend : new RecordingBackend[] {portal, keycloak, content, journal, account}) {
            backend.close();
        }
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(20)).build();
    }

    @Test
    void anonymousRequestsAreLimitedPerAddressIncludingRefusedTokens() {
        // Budget 3 for 127.0.0.1: a login page, a portal page, an API call whose token is refused...
        client.get().uri("/auth/realms/securebase/protocol/openid-connect/auth").exchange().expectStatus().isOk();
        client.get().uri("/").exchange().expectStatus().isOk();
        client.get().uri("/api/content/articles").header("Authorization", "Bearer forged.token.value")
                .exchange().expectStatus().isUnauthorized();
        // ...and the fourth is refused before anything is forwarded, whatever the path.
        String requestId = "it-" + UUID.randomUUID();
        client.get().uri("/auth/realms/securebase/login-actions/authenticate").header("X-Request-Id", requestId)
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType("application/problem+json")
                .expectHeader().value(HttpHeaders.RETRY_AFTER, retryAfter -> assertThat(Long.parseLong(retryAfter))
                        .isBetween(1L, Duration.ofHours(1).toSeconds() / 3))
                .expectBody().jsonPath("$.type").isEqualTo("urn:securebase:problem:too-many-requests")
                .jsonPath("$.requestId").isEqualTo(requestId);
        assertThat(keycloak.receivedWithRequestId(requestId)).isEmpty();
        client.get().uri("/api/content/articles").exchange().expectStatus().isEqualTo(429);
        // A signed-in user is counted by who they are, not where from: the address's budget is not theirs.
        client.get().uri("/api/content/articles").header("Authorization", "Bearer " + Tokens.of(Tokens.CLIENT))
                .exchange().expectStatus().isOk();
    }

    @Test
    void behindATrustedProxyEachClientAddressHasItsOwnBudget() {
        for (int i = 0; i < 3; i++) {
            client.get().uri("/").header("X-Forwarded-For", "203.0.113.50, 198.51.100.7").exchange().expectStatus().isOk();
        }
        client.get().uri("/").header("X-Forwarded-For", "198.51.100.7").exchange().expectStatus().isEqualTo(429);
        String requestId = "it-" + UUID.randomUUID();
        // Another client behind the same proxy; what it wrote itself further left does not matter.
        client.get().uri("/").header("X-Forwarded-For", "198.51.100.7, 198.51.100.8").header("X-Forwarded-Proto", "https")
                .header("X-Request-Id", requestId).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        RecordingBackend.Seen seen = portal.receivedWithRequestId(requestId).get(0);
        assertThat(seen.headers("X-Forwarded-For")).containsExactly("198.51.100.8");
        assertThat(seen.headers("X-Forwarded-Proto")).containsExactly("https");
    }

    @Test
    void eachUserHasTheirOwnBudget() {
        String therapist = "Bearer " + Tokens.of(Tokens.THERAPIST);
        for (int i = 0; i < 4; i++) {
            client.get().uri("/api/journal/assignments").header("Authorization", therapist).exchange().expectStatus().isOk();
        }
        String requestId = "it-" + UUID.randomUUID();
        client.get().uri("/api/content/articles").header("Authorization", therapist).header("X-Request-Id", requestId)
                .exchange().expectStatus().isEqualTo(429).expectHeader().exists(HttpHeaders.RETRY_AFTER);
        assertThat(content.receivedWithRequestId(requestId)).isEmpty();
    }

    @Test
    void invitingHasASmallerBudgetOfItsOwn() {
        String admin = "Bearer " + Tokens.of(Tokens.ADMIN);
        client.post().uri("/api/accounts").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isOk();
        String again = "it-" + UUID.randomUUID();
        client.post().uri("/api/accounts/" + UUID.randomUUID() + "/invitation").header("Authorization", admin)
                .header("X-Request-Id", again).exchange()
                .expectStatus().isEqualTo(429).expectHeader().exists(HttpHeaders.RETRY_AFTER);
        assertThat(account.receivedWithRequestId(again)).isEmpty();
        // Reading is not inviting: the same admin still has their ordinary budget.
        client.get().uri("/api/accounts/me").header("Authorization", admin).exchange().expectStatus().isOk();
    }
}
