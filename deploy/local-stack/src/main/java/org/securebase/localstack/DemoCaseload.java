package org.securebase.localstack;

import org.securebase.platform.embedded.keycloak.OidcBrowserlessLogin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Puts the demo client on the demo therapist's caseload, the way an administrator would: the demo admin
 * logs in and uses account-service's API. Does nothing when the assignment is already there, so restarts
 * do not pile up caseload history.
 */
final class DemoCaseload {

    static final String ADMIN = "admin@securebase.test";
    static final String THERAPIST = "therapist@securebase.test";
    static final String CLIENT = "client@securebase.test";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration ACCOUNTS_SYNC_TIMEOUT = Duration.ofMinutes(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String accountsApi;
    private final String adminToken;

    private DemoCaseload(String accountsApi, String adminToken) {
        this.accountsApi = accountsApi;
        this.adminToken = adminToken;
    }

    static void ensure(OidcBrowserlessLogin login, String demoPassword, String accountServiceUrl) {
        String token = login.login(ADMIN, demoPassword).accessToken();
        new DemoCaseload(accountServiceUrl + "/api/accounts", token).assignClientToTherapist();
    }

    private void assignClientToTherapist() {
        String clientId = awaitAccountId(CLIENT);
        String therapistId = awaitAccountId(THERAPIST);
        JsonNode history = send(HttpRequest.newBuilder(URI.create(accountsApi + "/" + clientId + "/therapist-assignments"))
                .GET(), 200);
        for (JsonNode assignment : history.isArray() ? history : history.path("items")) {
            if (assignment.path("endedAt").isNull() || assignment.path("endedAt").isMissingNode()) {
                if (therapistId.equals(assignment.path("therapistId").asString())) {
                    return;
                }
            }
        }
        send(HttpRequest.newBuilder(URI.create(accountsApi + "/" + clientId + "/therapist"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"therapistId\":\"" + therapistId + "\"}")), 200);
    }

    /** account-service learns of the imported demo users by reconciling with Keycloak after start-up. */
    private String awaitAccountId(String email) {
        Instant deadline = Instant.now().plus(ACCOUNTS_SYNC_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            Optional<String> id = findAccountId(email);
            if (id.isPresent()) {
                return id.get();
            }
            try {
                TimeUnit.SECONDS.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for account " + email, e);
            }
        }
        throw new IllegalStateException("account-service did not list " + email + " within "
                + ACCOUNTS_SYNC_TIMEOUT.toSeconds() + " s");
    }

    private Optional<String> findAccountId(String email) {
        JsonNode page = send(HttpRequest.newBuilder(URI.create(accountsApi + "?email="
                + URLEncoder.encode(email, StandardCharsets.UTF_8))).GET(), 200);
        for (JsonNode account : page.path("items")) {
            if (email.equalsIgnoreCase(account.path("email").asString())) {
                return Optional.of(account.path("id").asString());
            }
        }
        return Optional.empty();
    }

    private JsonNode send(HttpRequest.Builder request, int expectedStatus) {
        try {
            HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + adminToken)
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException("account-service answered " + response.statusCode() + " to "
                        + response.request().method() + " " + response.uri().getPath() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("account-service unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
