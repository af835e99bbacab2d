package org.securebase.gateway.headers;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.securebase.gateway.support.GatewayIntegrationTest;
import org.securebase.gateway.support.RecordingBackend;
import org.securebase.gateway.support.Tokens;

import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What crosses the gateway in headers: spoofed forwarding and internal headers never reach a backend, the
 * gateway's own forwarding headers and the request id do, trace context passes only when well-formed, and
 * every response carries the security headers without overriding the portal's own policy.
 */
class HeaderHygieneIT extends GatewayIntegrationTest {

    @Test
    void spoofedForwardingAndInternalHeadersNeverReachABackend() {
        String requestId = requestId();
        client.get().uri("/api/content/articles")
                .header("Authorization", "Bearer " + Tokens.of(Tokens.CLIENT))
                .header("X-Request-Id", requestId)
                .header("X-Forwarded-For", "203.0.113.7")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Port", "443")
                .header("X-Forwarded-Prefix", "/admin")
                .header("Forwarded", "for=203.0.113.7;host=evil.example;proto=https")
                .header("X-Real-IP", "203.0.113.7")
                .header("True-Client-IP", "203.0.113.7")
                .header("X-Internal-User", "admin")
                .header("X-Securebase-Caller", "therapist")
                .header("Cookie", "SB_SESSION=secret-session")
                .exchange().expectStatus().isOk();

        RecordingBackend.Seen seen = content.receivedWithRequestId(requestId).get(0);
        assertThat(seen.headers("X-Forwarded-For")).containsExactly("127.0.0.1");
        assertThat(seen.headers("X-Forwarded-Proto")).containsExactly("http");
        assertThat(seen.headers("X-Forwarded-Host")).containsExactly("localhost:" + port);
        assertThat(seen.headers("X-Forwarded-Port")).containsExactly(Integer.toString(port));
        for (String dropped : List.of("X-Forwarded-Prefix", "Forwarded", "X-Real-IP", "True-Client-IP",
                "X-Internal-User", "X-Securebase-Caller", "Cookie")) {
            assertThat(seen.header(dropped)).as(dropped).isEmpty();
        }
        assertThat(seen.headers().toString()).doesNotContain("203.0.113.7", "evil.example");
    }

    @Test
    void thePortalGetsTheGatewaysForwardingHeadersAndItsCookies() {
        String requestId = requestId();
        client.get().uri("/library").header("X-Request-Id", requestId)
                .header("Host", "portal.example:8443")
                .header("X-Forwarded-Host", "evil.example")
                .header("Cookie", "SB_SESSION=abc")
                .exchange().expectStatus().isOk();
        RecordingBackend.Seen seen = portal.receivedWithRequestId(requestId).get(0);
        assertThat(seen.headers("Host")).containsExactly("portal.example:8443");
        assertThat(seen.headers("X-Forwarded-Host")).containsExactly("portal.example:8443");
        assertThat(seen.headers("X-Forwarded-For")).containsExactly("127.0.0.1");
        assertThat(seen.header("Cookie")).contains("SB_SESSION=abc");
    }

    @Test
    void aSafeRequestIdIsKeptPropagatedAndEchoed() {
        String requestId = "portal-req.42_a-" + System.nanoTime();
        client.get().uri("/api/journal/assignments").header("X-Request-Id", requestId)
                .header("Authorization", "Bearer " + Tokens.of(Tokens.CLIENT))
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Request-Id", requestId);
        assertThat(journal.receivedWithRequestId(requestId)).hasSize(1);
    }

    @Test
    void anUnsafeOrMissingRequestIdIsReplacedByAFreshOne() {
        for (String offered : List.of("has space", "x".repeat(65), "semi;colon", "")) {
            EntityExchangeResult<byte[]> result = client.get().uri("/").header("X-Request-Id", offered)
                    .exchange().expectStatus().isOk().expectBody().returnResult();
            String echoed = result.getResponseHeaders().getFirst("X-Request-Id");
            assertThat(echoed).as(offered).matches("[0-9a-f-]{36}");
            assertThat(portal.receivedWithRequestId(echoed)).as(offered).hasSize(1);
        }
        EntityExchangeResult<byte[]> none = client.get().uri("/").exchange().expectBody().returnResult();
        String generated = none.getResponseHeaders().getFirst("X-Request-Id");
        assertThat(generated).matches("[0-9a-f-]{36}");
        assertThat(portal.receivedWithRequestId(generated)).hasSize(1);
    }

    @Test
    void aWellFormedTraceparentPassesThroughAndAMalformedOneIsDropped() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String good = requestId();
        client.get().uri("/").header("X-Request-Id", good).header("traceparent", traceparent)
                .header("tracestate", "vendor=value").exchange().expectStatus().isOk();
        assertThat(portal.receivedWithRequestId(good).get(0).headers("traceparent")).containsExactly(traceparent);
        assertThat(portal.receivedWithRequestId(good).get(0).headers("tracestate")).containsExactly("vendor=value");

        for (String malformed : List.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
                "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")) {
            String bad = requestId();
            client.get().uri("/").header("X-Request-Id", bad).header("traceparent", malformed)
                    .header("tracestate", "vendor=value").exchange().expectStatus().isOk();
            assertThat(portal.receivedWithRequestId(bad).get(0).header("traceparent")).as(malformed).isEmpty();
            assertThat(portal.receivedWithRequestId(bad).get(0).header("tracestate")).as(malformed).isEmpty();
        }
    }

    @Test
    void apiResponsesAndTheGatewaysOwnGetTheStrictSecurityHeaders() {
        client.get().uri("/api/content/articles").header("Authorization", "Bearer " + Tokens.of(Tokens.CLIENT))
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectHeader().doesNotExist("Strict-Transport-Security");
        client.get().uri("/api/content/articles").exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .expectHeader().exists("X-Request-Id");
    }

    @Test
    void thePortalsOwnPolicyIsLeftAloneAndKeycloakOnlyGetsTheGapsFilled() {
        client.get().uri("/").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'self'")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().doesNotExist("X-Frame-Options");
        client.get().uri("/auth/realms/securebase/account").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Frame-Options", "SAMEORIGIN")
                .expectHeader().valueEquals("Content-Security-Policy", "frame-ancestors 'self'")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
    }

    @Test
    void perRouteLatencyHistogramsAreOnTheManagementPortOnly() {
        client.get().uri("/api/content/articles").header("Authorization", "Bearer " + Tokens.of(Tokens.CLIENT))
                .exchange().expectStatus().isOk();
        String metrics = org.springframework.test.web.reactive.server.WebTestClient
                .bindToServer().baseUrl("http://localhost:" + managementPort)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).containsPattern("spring_cloud_gateway_requests_seconds_bucket\\{[^}]*routeId=\"content-service\"");
        assertThat(metrics).containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"content-service\"");
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
    }
}
