package org.securebase.gateway.resilience;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.securebase.gateway.ApiGatewayApplication;
import org.securebase.gateway.support.RecordingBackend;
import org.securebase.gateway.support.Tokens;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stuck backend (content-service answers nothing on one path), a dead one (account-service: nothing listens
 * on its port) and a healthy one (journal-service). The stuck route answers 504 after its own timeout while the
 * others keep answering; repeated failures open that route's circuit (503 at once, nothing forwarded); no
 * failure response names an internal host; and the gateway's log line of a failure carries the request id.
 */
@SpringBootTest(classes = ApiGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ResilienceIT {

    private static final String HANG = "/api/content/hang";

    private static final RecordingBackend portal = RecordingBackend.start("portal");
    private static final RecordingBackend keycloak = RecordingBackend.start("keycloak");
    private static final RecordingBackend content = RecordingBackend.start("content").hangOn(HANG);
    private static final RecordingBackend journal = RecordingBackend.start("journal");
    private static final int deadPort = freePort();

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("securebase.routes.portal", portal::url);
        registry.add("securebase.routes.keycloak", keycloak::url);
        registry.add("securebase.routes.content", content::url);
        registry.add("securebase.routes.journal", journal::url);
        registry.add("securebase.routes.account", () -> "http://localhost:" + deadPort);
        registry.add("securebase.security.issuer-uri", () -> Tokens.keycloak().issuerUri());
        registry.add("securebase.security.jwk-set-uri", () -> Tokens.keycloak().jwkSetUri());
        registry.add("securebase.timeouts.content", () -> "1000");
        // content-service's breaker opens after 3 calls of which at least 2 failed, and stays open for the test.
        registry.add("resilience4j.circuitbreaker.instances.content-service.sliding-window-size", () -> "3");
        registry.add("resilience4j.circuitbreaker.instances.content-service.minimum-number-of-calls", () -> "3");
        registry.add("resilience4j.circuitbreaker.instances.content-service.failure-rate-threshold", () -> "60");
        registry.add("resilience4j.circuitbreaker.instances.content-service.wait-duration-in-open-state", () -> "10m");
        registry.add("management.server.port", () -> "0");
    }

    @AfterAll
    static void stopBackends() {
        for (RecordingBackend backend : new RecordingBackend[] {portal, keycloak, content, journal}) {
            backend.close();
        }
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void aHungBackendGets504WithinItsTimeoutWhileOtherRoutesAnswerThenItsCircuitOpens(CapturedOutput output) {
        String token = "Bearer " + Tokens.of(Tokens.CLIENT);
        String firstId = "it-hang-" + UUID.randomUUID();
        WebClient async = WebClient.create("http://localhost:" + port);
        // The first call to the stuck path is in flight...
        Mono<HttpStatusCode> stuck = async.get().uri(HANG).header("Authorization", token).header("X-Request-Id", firstId)
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode())).cache();
        stuck.subscribe();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> content.hangingNow() >= 1);
        // ...and meanwhile the other routes answer.
        client.get().uri("/api/journal/assignments").header("Authorization", token).exchange().expectStatus().isOk();
        client.get().uri("/").exchange().expectStatus().isOk();
        // The stuck call ends with 504 (after the route's 1 s, far below the client's patience).
        assertThat(stuck.block(Duration.ofSeconds(20))).isEqualTo(HttpStatusCode.valueOf(504));

        client.get().uri(HANG).header("Authorization", token).exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.type").isEqualTo("urn:securebase:problem:gateway-timeout");
        client.get().uri(HANG).header("Authorization", token).exchange().expectStatus().isEqualTo(504);
        assertThat(content.countPath(HANG)).isEqualTo(3);

        // Three failures in three calls: the circuit is open, and the gateway answers at once without forwarding.
        String openId = "it-open-" + UUID.randomUUID();
        client.get().uri("/api/content/articles").header("Authorization", token).header("X-Request-Id", openId)
                .exchange().expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.type").isEqualTo("urn:securebase:problem:service-unavailable");
        assertThat(content.receivedWithRequestId(openId)).isEmpty();
        client.get().uri("/api/journal/assignments").header("Authorization", token).exchange().expectStatus().isOk();

        // The gateway's own log line about the timeout names the request.
        assertThat(output.getOut()).containsPattern("\\[" + firstId + "\\].*content-service GET " + HANG + " answered 504");
    }

    @Test
    void aDeadBackendGets502ThatNamesNoInternalHost() {
        String body = client.get().uri("/api/accounts/me").header("Authorization", "Bearer " + Tokens.of(Tokens.ADMIN))
                .exchange().expectStatus().isEqualTo(502)
                .expectHeader().contentType("application/problem+json")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("urn:securebase:problem:bad-gateway")
                .doesNotContain("localhost", "127.0.0.1", Integer.toString(deadPort), "Connection refused", "Exception");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
