package org.securebase.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.securebase.account.testsupport.Api;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** The OpenAPI document is served, without a token, under the service's own path (so the gateway routes it). */
@AccountServiceIntegrationTest
class ApiDocumentIT {

    @LocalServerPort
    int port;

    @Test
    void theOpenApiDocumentDescribesTheAccountApi() {
        Api.Response response = new Api(port).get("/api/accounts/v3/api-docs", null);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode document = response.json();
        assertThat(document.path("openapi").asString()).startsWith("3.");
        assertThat(document.path("paths").propertyNames()).contains(
                "/api/accounts", "/api/accounts/{id}", "/api/accounts/me", "/api/accounts/caseload",
                "/api/accounts/{id}/deactivation", "/api/accounts/{id}/reactivation", "/api/accounts/{id}/invitation",
                "/api/accounts/{clientId}/therapist", "/api/accounts/{therapistId}/caseload",
                "/api/accounts/{clientId}/therapist-assignments");
        assertThat(document.path("components").path("securitySchemes").has("bearer")).isTrue();
        // The caller comes from the token; it is no parameter a client could send.
        JsonNode deactivation = document.path("paths").path("/api/accounts/{id}/deactivation").path("post");
        assertThat(deactivation.path("parameters").size()).isEqualTo(1);
        assertThat(deactivation.path("parameters").get(0).path("name").asString()).isEqualTo("id");
        assertThat(document.path("paths").path("/api/accounts/me").path("get").has("parameters")).isFalse();
    }
}
