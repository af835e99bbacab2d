package org.securebase.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/**
 * {@link PublicApi} and the refusals of {@link PlatformApi}, against a small real HTTP server answering as the
 * platform's services do (problem+json with an {@code errors} array on a validation failure).
 */
class PublicApiTest {

    record Unsubscribed(String kind, boolean unsubscribed) {
    }

    record Preferences(String zone) {
    }

    private HttpServer server;
    private String baseUrl;
    private volatile int status = 200;
    private volatile String body = "{\"kind\":\"NEW_HOMEWORK\",\"unsubscribed\":true}";
    private volatile String contentType = "application/json";
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + "?"
                    + exchange.getRequestURI().getRawQuery() + " auth=" + authorization);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private PublicApi publicApi() {
        return new PublicApi(ApiProperties.allAt(java.net.URI.create(baseUrl)), ObservationRegistry.NOOP);
    }

    @Test
    void postsWithoutAnyTokenAndReadsTheAnswer() {
        Sent<Unsubscribed> sent = publicApi().post(uri -> uri.path("/api/accounts/notifications/unsubscribe")
                .queryParam("token", "{token}").build("a+b.NEW_HOMEWORK.c"), Unsubscribed.class);

        assertThat(sent.ok()).isTrue();
        assertThat(sent.value()).isEqualTo(new Unsubscribed("NEW_HOMEWORK", true));
        assertThat(seen).containsExactly("POST /api/accounts/notifications/unsubscribe?token=a%2Bb.NEW_HOMEWORK.c auth=null");
    }

    @Test
    void aBadRequestIsARefusalWithTheDetail() {
        status = 400;
        contentType = "application/problem+json";
        body = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"This unsubscribe link is not valid.\"}";

        Sent<Unsubscribed> sent = publicApi().post(uri -> uri.path("/api/accounts/notifications/unsubscribe").build(),
                Unsubscribed.class);

        assertThat(sent.ok()).isFalse();
        assertThat(sent.unavailable()).isFalse();
        assertThat(sent.problem()).isEqualTo("This unsubscribe link is not valid.");
    }

    @Test
    void aServiceThatAsksForALoginOrFailsIsUnavailable() {
        status = 401;
        assertThat(publicApi().post(uri -> uri.path("/api/accounts/x").build(), Unsubscribed.class).unavailable()).isTrue();
        status = 503;
        assertThat(publicApi().post(uri -> uri.path("/api/accounts/x").build(), Unsubscribed.class).unavailable()).isTrue();
    }

    @Test
    void platformApiKeepsTheFieldsAValidationFailureNames() {
        status = 400;
        contentType = "application/problem+json";
        body = "{\"type\":\"https://securebase.example/problems/validation-failed\",\"title\":\"Validation failed\","
                + "\"status\":400,\"detail\":\"The preferences have invalid fields.\",\"instance\":\"/api/x\","
                + "\"errors\":[{\"field\":\"zone\",\"message\":\"must be a time zone such as America/New_York\"},"
                + "{\"message\":\"an object-level rule\"},"
                + "{\"field\":\"quietHours.end\",\"message\":\"must differ from the start\"}]}";
        PlatformApi api = new PlatformApi(RestClient.builder().baseUrl(baseUrl).build());

        Sent<Preferences> sent = api.put(uri -> uri.path("/api/accounts/me/notifications").build(),
                new Preferences("Mars/Olympus"), Preferences.class);

        assertThat(sent.problem()).isEqualTo("The preferences have invalid fields.");
        assertThat(sent.violations()).containsExactly(
                new Sent.Violation("zone", "must be a time zone such as America/New_York"),
                new Sent.Violation("quietHours.end", "must differ from the start"));
    }
}
