package org.securebase.gateway;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.securebase.gateway.support.GatewayIntegrationTest;
import org.securebase.gateway.support.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each public path reaches the right backend (each answers with its own name and the path it saw), and closed
 * doors reach none.
 */
class GatewayRoutingIT extends GatewayIntegrationTest {

    @Test
    void eachPublicPathReachesItsBackend() {
        String token = Tokens.of(Tokens.CLIENT);
        expectBody("/", null, "portal", "/");
        expectBody("/journal/entries", null, "portal", "/journal/entries");
        expectBody("/auth/realms/securebase/protocol/openid-connect/certs", null,
                "keycloak", "/auth/realms/securebase/protocol/openid-connect/certs");
        expectBody("/api/content/articles", token, "content", "/api/content/articles");
        expectBody("/api/journal/assignments", token, "journal", "/api/journal/assignments");
        expectBody("/api/accounts/me", token, "account", "/api/accounts/me");
    }

    @Test
    void closedDoorsAnswerNotFoundWithoutReachingAnyBackend() {
        for (String path : List.of("/auth/admin/master/console/", "/auth/realms/master/protocol/openid-connect/auth",
                "/actuator/health", "/actuator/prometheus", "/api/content/actuator/env",
                "/api/journal/%2e%2e/actuator/heapdump")) {
            String requestId = requestId();
            client.get().uri(uri(path)).header("X-Request-Id", requestId)
                    .header("Authorization", "Bearer " + Tokens.of(Tokens.CLIENT)).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType("application/problem+json")
                    .expectBody().jsonPath("$.requestId").isEqualTo(requestId);
            assertThat(noBackendSaw(requestId)).as(path).isTrue();
        }
    }

    private void expectBody(String path, String token, String backend, String seenPath) {
        org.springframework.test.web.reactive.server.WebTestClient.RequestHeadersSpec<?> request = client.get().uri(path);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        request.exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.backend").isEqualTo(backend).jsonPath("$.path").isEqualTo(seenPath);
    }
}
