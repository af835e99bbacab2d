package org.securebase.gateway;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in front of real HTTP backends (one small JDK server per route, answering with its own
 * name and the path it saw): each public path reaches the right backend, and closed doors reach none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingIT {

    private static final List<String> received = new CopyOnWriteArrayList<>();
    private static final List<HttpServer> backends = new CopyOnWriteArrayList<>();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        for (String name : List.of("portal", "keycloak", "content", "journal", "account")) {
            HttpServer backend = backend(name);
            registry.add("securebase.routes." + name, () -> "http://localhost:" + backend.getAddress().getPort());
        }
        registry.add("management.server.port", () -> "0");
    }

    private static HttpServer backend(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                String seen = name + " " + exchange.getRequestURI().getRawPath();
                received.add(seen);
                byte[] body = seen.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            backends.add(server);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopBackends() {
        backends.forEach(server -> server.stop(0));
    }

    @Test
    void eachPublicPathReachesItsBackend() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        expectBody(client, "/", "portal /");
        expectBody(client, "/journal/entries", "portal /journal/entries");
        expectBody(client, "/auth/realms/securebase/protocol/openid-connect/certs",
                "keycloak /auth/realms/securebase/protocol/openid-connect/certs");
        expectBody(client, "/api/content/articles", "content /api/content/articles");
        expectBody(client, "/api/journal/assignments", "journal /api/journal/assignments");
        expectBody(client, "/api/accounts/me", "account /api/accounts/me");
    }

    @Test
    void closedDoorsAnswerNotFoundWithoutReachingAnyBackend() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        received.clear();
        for (String path : List.of("/auth/admin/master/console/", "/auth/realms/master/protocol/openid-connect/auth",
                "/actuator/health", "/api/content/actuator/env", "/api/journal/%2e%2e/actuator/heapdump")) {
            client.get().uri(java.net.URI.create("http://localhost:" + port + path)).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType("application/problem+json");
        }
        assertThat(received).isEmpty();
    }

    private static void expectBody(WebTestClient client, String path, String expected) {
        client.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).isEqualTo(expected);
    }
}
