package org.securebase.systemtests.authorization;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP with an optional bearer token and a JSON (or raw) body; the answer is kept whole, whatever its status. */
public final class Http {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** @param retryAfter the Retry-After header of a 429 or 503, else null */
    public record Response(String method, String url, int status, String contentType, String etag, String body,
                    String retryAfter) {

        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        public boolean isProblemJson() {
            return contentType.startsWith("application/problem+json");
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The answer, or a failure that says what was asked and what came back. */
        public Response expect(int expectedStatus) {
            if (status != expectedStatus) {
                throw new IllegalStateException(method + " " + url + " answered " + status + " (expected "
                        + expectedStatus + "): " + body);
            }
            return this;
        }
    }

    /** A body that is not JSON (a multipart upload), sent as it is under its content type. */
    public record RawBody(String contentType, byte[] bytes) {

        /** {@code multipart/form-data} with one file part per entry, all under the part name {@code part}. */
        public static RawBody multipartFiles(String part, Map<String, byte[]> files) {
            String boundary = "----securebase" + Long.toHexString(System.nanoTime());
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            files.forEach((name, content) -> {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                        + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.writeBytes(content);
                body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            });
            body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return new RawBody("multipart/form-data; boundary=" + boundary, body.toByteArray());
        }
    }

    public Response send(String method, String url, String token, Object body, Map<String, String> headers) {
        if (body instanceof RawBody raw) {
            return sendRaw(method, url, token, raw.contentType(), raw.bytes(), headers);
        }
        return body == null
                ? sendRaw(method, url, token, null, null, headers)
                : sendRaw(method, url, token, "application/json",
                        JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Any bytes under any content type (null for none): what a hostile client would send. */
    public Response sendRaw(String method, String url, String token, String contentType, byte[] body,
                     Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::setHeader);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(method, url, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("ETag").orElse(null), response.body(),
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + url, e);
        }
    }

    public Response get(String url, String token) {
        return send("GET", url, token, null, Map.of());
    }

    /**
     * Repeats {@code request} every half second until it answers {@code status} (an event still on its way to a
     * projection); the last answer is in the failure's message.
     */
    public static Response awaitStatus(String what, int status, Duration atMost, Supplier<Response> request) {
        AtomicReference<Response> last = new AtomicReference<>();
        try {
            await(what).atMost(atMost).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        last.set(request.get());
                        return last.get().status() == status;
                    });
        } catch (ConditionTimeoutException timedOut) {
            throw new IllegalStateException("waited in vain for " + what + "; last answer: " + last.get(), timedOut);
        }
        return last.get();
    }
}
