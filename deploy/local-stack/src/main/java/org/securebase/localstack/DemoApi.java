package org.securebase.localstack;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The services' public APIs as the demo data uses them: JSON in and out, one person's bearer token per call. A call
 * that a projection has to catch up with (journal-service learning a caseload or an article from events) is retried
 * until it is accepted.
 */
final class DemoApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** The answer's JSON (or an empty node for an empty body); any other status than {@code expected} throws. */
    JsonNode call(String token, String method, String url, Object body, int expected) {
        HttpResponse<String> response = send(token, method, url, body);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + URI.create(url).getPath() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return json(response);
    }

    /** As {@link #call}, asked again every second until the answer is {@code expected} or {@code timeout} passed. */
    JsonNode awaitCall(String token, String method, String url, Object body, int expected, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            HttpResponse<String> response = send(token, method, url, body);
            if (response.statusCode() == expected) {
                return json(response);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(method + " " + URI.create(url).getPath() + " still answered "
                        + response.statusCode() + " after " + timeout.toSeconds() + " s: " + response.body());
            }
            pause();
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String token, String method, String url, Object body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(10))
                .method(method, publisher)
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(URI.create(url).getAuthority() + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the stack", e);
        }
    }
}
