package org.securebase.bench.platform;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** One HTTP/1.1 client for all API calls (a connection per concurrent request, as a browser farm would use). */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "http-client");
                t.setDaemon(true);
                return t;
            }))
            .build();
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Http() {
    }

    /** A JSON request with a bearer token; body may be null. */
    static HttpRequest json(String method, String url, Supplier<String> bearer, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + bearer.get());
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        return builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Sends and fails unless the status is 2xx; returns the body as JSON (empty object when there is none). */
    static JsonNode expect2xx(HttpRequest request) {
        HttpResponse<String> response = send(request);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
                    + response.statusCode() + ": " + abbreviate(response.body()));
        }
        return response.body() == null || response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }

    static String quote(String s) {
        return JSON.writeValueAsString(s);
    }
}
