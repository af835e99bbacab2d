package org.securebase.gateway.support;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.securebase.gateway.ApiGatewayApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway with its production configuration in front of five real HTTP backends (one per route), taking
 * its keys from a real Keycloak with the project's realm - whose tokens the tests send. Subclasses share one
 * application context (and so one gateway) and tell their requests apart by {@code X-Request-Id}. Limits that
 * would make tests interfere are raised; the body limit is lowered to 1 KB so tests stay small.
 */
@SpringBootTest(classes = {ApiGatewayApplication.class, GatewayIntegrationTest.Clocks.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GatewayIntegrationTest {

    protected static final RecordingBackend portal = RecordingBackend.start("portal")
            .withResponseHeader("Content-Security-Policy", "default-src 'self'");
    protected static final RecordingBackend keycloakRoute = RecordingBackend.start("keycloak");
    protected static final RecordingBackend content = RecordingBackend.start("content");
    protected static final RecordingBackend journal = RecordingBackend.start("journal");
    protected static final RecordingBackend account = RecordingBackend.start("account");

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        TestClock testClock() {
            return new TestClock();
        }
    }

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("securebase.routes.portal", portal::url);
        registry.add("securebase.routes.keycloak", keycloakRoute::url);
        registry.add("securebase.routes.content", content::url);
        registry.add("securebase.routes.journal", journal::url);
        registry.add("securebase.routes.account", account::url);
        registry.add("securebase.security.issuer-uri", () -> Tokens.keycloak().issuerUri());
        registry.add("securebase.security.jwk-set-uri", () -> Tokens.keycloak().jwkSetUri());
        registry.add("securebase.limits.max-body-size", () -> "1KB");
        registry.add("securebase.rate-limits.anonymous.requests", () -> "100000");
        registry.add("securebase.rate-limits.user.requests", () -> "100000");
        registry.add("management.server.port", () -> "0");
    }

    static {
        // The backends live as long as the test JVM: the application context (and its gateway) is shared by
        // every subclass and cached beyond any one of them.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> allBackends().forEach(RecordingBackend::close)));
    }

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected TestClock clock;

    protected WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(20)).build();
        clock.reset();
    }

    /** A raw URI, so the test's path reaches the gateway byte for byte (no client-side encoding). */
    protected URI uri(String rawPathAndQuery) {
        return URI.create("http://localhost:" + port + rawPathAndQuery);
    }

    protected static String requestId() {
        return "it-" + UUID.randomUUID();
    }

    protected static List<RecordingBackend> allBackends() {
        return List.of(portal, keycloakRoute, content, journal, account);
    }

    protected static boolean noBackendSaw(String requestId) {
        return allBackends().stream().allMatch(backend -> backend.receivedWithRequestId(requestId).isEmpty());
    }
}
