package org.securebase.journal;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.securebase.platform.test.TestBackends;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The service comes up on real servers: Flyway has run, health groups answer on the management port only. */
@JournalServiceIntegrationTest
class JournalServiceStartsIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    Flyway flyway;

    @Test
    void readinessAndLivenessAreUpOnTheManagementPortOnly() throws Exception {
        assertThat(get(managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get(managementPort, "/actuator/health/liveness").body()).contains("\"UP\"");
        assertThat(get(port, "/actuator/health").statusCode()).isIn(401, 404);
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void flywayMigratesTheServicesOwnDatabase() {
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(jdbc.queryForObject("select current_database()", String.class)).isEqualTo("journal");
    }

    @Test
    void aRequestWithoutTokenIsRefusedAsProblemJson() throws Exception {
        HttpResponse<String> response = get(port, "/api/journal/anything");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void aRealKeycloakTokenIsAccepted() throws Exception {
        String token = TestBackends.keycloak().accessToken("client@securebase.test");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/journal/no-such-endpoint"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void theOpenApiDocumentIsServedWithoutATokenAndListsEveryEndpoint() throws Exception {
        HttpResponse<String> response = get(port, "/api/journal/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/api/journal/assignments", "/api/journal/assignments/{id}/submit",
                "/api/journal/assignments/{id}/answers/{promptId}", "/api/journal/assignments/{id}/answers/{answerId}/feedback",
                "/api/journal/assignments/{id}/feedback/{feedbackId}/replies", "/api/journal/entries/{id}/share",
                "/api/journal/shared-entries", "/api/journal/adherence", "/api/journal/audit", "bearer");
    }

    private HttpResponse<String> get(int targetPort, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + targetPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
