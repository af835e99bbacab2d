package org.securebase.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.client.RestClient;

/**
 * {@link PlatformApi#getRevalidated}: against a small real HTTP server that answers 304 exactly when the request's
 * {@code If-None-Match} names the representation's current tag, as content-service does.
 */
class PlatformApiRevalidationTest {

    record Version(String title) {
    }

    private HttpServer server;
    private PlatformApi api;
    private volatile String currentTag = "\"v1\"";
    private volatile String currentTitle = "Attachment and Healing";
    private volatile int status = 200;
    private final List<String> ifNoneMatchSeen = new CopyOnWriteArrayList<>();
    private final AtomicInteger prepared = new AtomicInteger();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/content/articles/", exchange -> {
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            ifNoneMatchSeen.add(ifNoneMatch == null ? "-" : ifNoneMatch);
            byte[] body = ("{\"title\":\"" + currentTitle + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Cache-Control", "private, max-age=300");
            if (status != 200) {
                exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(status, -1);
            } else if (currentTag.equals(ifNoneMatch)) {
                exchange.getResponseHeaders().set("ETag", currentTag);
                exchange.sendResponseHeaders(304, -1);
            } else {
                exchange.getResponseHeaders().set("ETag", currentTag);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        api = new PlatformApi(RestClient.builder().baseUrl("http://127.0.0.1:" + server.getAddress().getPort()).build());
    }

    @AfterEach
    void stop() {
        SecurityContextHolder.clearContext();
        server.stop(0);
    }

    @Test
    void anUnchangedRepresentationIsAskedForAgainButPreparedOnlyOnce() {
        as("alice");

        assertThat(read()).contains("prepared Attachment and Healing");
        assertThat(read()).contains("prepared Attachment and Healing");
        assertThat(read()).contains("prepared Attachment and Healing");

        assertThat(ifNoneMatchSeen).containsExactly("-", "\"v1\"", "\"v1\"");
        assertThat(prepared).hasValue(1);
    }

    @Test
    void aChangedRepresentationIsPreparedAgain() {
        as("alice");
        read();
        currentTag = "\"v2\"";
        currentTitle = "Attachment and Healing, revised";

        assertThat(read()).contains("prepared Attachment and Healing, revised");
        assertThat(read()).contains("prepared Attachment and Healing, revised");
        assertThat(ifNoneMatchSeen).containsExactly("-", "\"v1\"", "\"v2\"");
        assertThat(prepared).hasValue(2);
    }

    @Test
    void onePersonsCopyIsNeverAnotherPersons() {
        as("alice");
        read();
        as("bob");

        assertThat(read()).contains("prepared Attachment and Healing");
        assertThat(ifNoneMatchSeen).containsExactly("-", "-");
    }

    @Test
    void theServiceStillDecidesEveryTime() {
        as("alice");
        read();

        status = 404;
        assertThat(api.getRevalidated(uri -> uri.path("/api/content/articles/a/versions/1").build(), Version.class,
                this::prepare).value()).isEmpty();
        status = 403;
        assertThat(api.getRevalidated(uri -> uri.path("/api/content/articles/a/versions/1").build(), Version.class,
                this::prepare).value()).as("not for this person: as if not there").isEmpty();
        status = 503;
        assertThat(api.getRevalidated(uri -> uri.path("/api/content/articles/a/versions/1").build(), Version.class,
                this::prepare).unavailable()).isTrue();
        assertThat(ifNoneMatchSeen).containsExactly("-", "\"v1\"", "\"v1\"", "\"v1\"");
    }

    private Optional<String> read() {
        return api.getRevalidated(uri -> uri.path("/api/content/articles/{slug}/versions/{version}").build("a", 1),
                Version.class, this::prepare).value();
    }

    private String prepare(Version version) {
        prepared.incrementAndGet();
        return "prepared " + version.title();
    }

    private static void as(String person) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(person, null));
    }
}
