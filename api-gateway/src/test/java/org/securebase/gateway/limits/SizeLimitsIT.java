package org.securebase.gateway.limits;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.securebase.gateway.support.GatewayIntegrationTest;
import org.securebase.gateway.support.Tokens;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** Body and header limits (the body limit is 1 KB in these tests): 413 and 431, and nothing oversized arrives. */
class SizeLimitsIT extends GatewayIntegrationTest {

    @Test
    void aBodyWithinTheLimitIsForwardedWhole() {
        String requestId = requestId();
        byte[] body = new byte[1000];
        client.post().uri("/api/journal/entries").header("X-Request-Id", requestId)
                .header("Authorization", "Bearer " + Tokens.of(Tokens.CLIENT))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk();
        assertThat(journal.receivedWithRequestId(requestId).get(0).body()).hasSize(1000);
    }

    @Test
    void aDeclaredBodyOverTheLimitGets413BeforeAnythingIsForwarded() {
        String requestId = requestId();
        client.post().uri("/api/journal/entries").header("X-Request-Id", requestId)
                .header("Authorization", "Bearer " + Tokens.of(Tokens.CLIENT))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(new byte[2048])
                .exchange().expectStatus().isEqualTo(413)
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.type").isEqualTo("urn:securebase:problem:payload-too-large");
        assertThat(noBackendSaw(requestId)).isTrue();
    }

    @Test
    void aStreamedBodyOverTheLimitIsCutOffAndGets413() throws Exception {
        String requestId = requestId();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        // ofInputStream has no known length, so the JDK client sends it chunked: no Content-Length to check.
        HttpRequest request = HttpRequest.newBuilder(uri("/api/journal/entries"))
                .header("X-Request-Id", requestId)
                .header("Authorization", "Bearer " + Tokens.of(Tokens.CLIENT))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[64 * 1024])))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("urn:securebase:problem:payload-too-large");
        assertThat(noBackendSaw(requestId)).isTrue();
    }

    @Test
    void headersOverTheLimitGet431() {
        String requestId = requestId();
        client.get().uri("/").header("X-Request-Id", requestId).header("X-Padding", "p".repeat(20 * 1024))
                .exchange().expectStatus().isEqualTo(431);
        assertThat(noBackendSaw(requestId)).isTrue();
    }
}
