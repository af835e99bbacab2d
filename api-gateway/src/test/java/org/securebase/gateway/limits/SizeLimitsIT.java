package org.securebase.gateway.limits;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.securebase.gateway.support.GatewayIntegrationTest;
import org.securebase.gateway.support.Tokens;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Body, header and request-line limits (the body limit is 1 KB in these tests): 413, 431 and 414 as problem+json,
 * and nothing oversized arrives.
 */
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
    void headersOverTheLimitGet431AsProblemJson() throws IOException {
        String requestId = requestId();
        RawResponse response = sendRaw("GET / HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: " + requestId
                + "\r\nX-Padding: " + "p".repeat(20 * 1024) + "\r\n\r\n");
        assertThat(response.status()).isEqualTo(431);
        assertProblem(response, "urn:securebase:problem:request-header-fields-too-large", 431);
        assertThat(noBackendSaw(requestId)).isTrue();
    }

    @Test
    void aRequestLineOverTheLimitGets414AsProblemJson() throws IOException {
        String path = "/api/content/articles/" + "a".repeat(10_000);
        RawResponse response = sendRaw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(response.status()).isEqualTo(414);
        assertProblem(response, "urn:securebase:problem:uri-too-long", 414);
        assertThat(response.body()).doesNotContain("aaaa");
        assertThat(allBackends().stream().allMatch(backend -> backend.received().stream()
                .noneMatch(request -> request.rawPath().contains("aaaa")))).isTrue();
    }

    @Test
    void aMalformedRequestHeadGets400AsProblemJson() throws IOException {
        RawResponse response = sendRaw("GET / HTTP/1.1\r\nHost: localhost\r\nBad\u0001Name: x\r\n\r\n");
        assertThat(response.status()).isEqualTo(400);
        assertProblem(response, "urn:securebase:problem:bad-request", 400);
    }

    @Test
    void requestLinesAndHeadersWithinTheLimitsStillPass() throws IOException {
        String requestId = requestId();
        RawResponse response = sendRaw("GET /" + "a".repeat(3_000) + " HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: "
                + requestId + "\r\nX-Padding: " + "p".repeat(12 * 1024) + "\r\nConnection: close\r\n\r\n");
        assertThat(response.status()).isEqualTo(200);
        assertThat(portal.receivedWithRequestId(requestId)).hasSize(1);
    }

    private static void assertProblem(RawResponse response, String type, int status) {
        assertThat(response.header("content-type")).isEqualTo("application/problem+json");
        assertThat(response.header("x-request-id")).isNotBlank();
        assertThat(response.body()).contains("\"type\":\"" + type + "\"").contains("\"status\":" + status)
                .contains("\"requestId\":\"" + response.header("x-request-id") + "\"");
        assertThat(response.body().getBytes(StandardCharsets.UTF_8)).hasSize(Integer.parseInt(response.header("content-length")));
    }

    /** What the server answered on a raw connection: clients refuse to send such request heads at all. */
    private record RawResponse(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name);
        }
    }

    private RawResponse sendRaw(String requestHead) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            // The gateway closes the connection after answering (or Connection: close was asked for).
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headEnd = raw.indexOf("\r\n\r\n");
            assertThat(headEnd).as("a complete response head in: %s", raw).isPositive();
            String[] lines = raw.substring(0, headEnd).split("\r\n");
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), headers, raw.substring(headEnd + 4));
        }
    }
}
