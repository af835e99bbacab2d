package org.securebase.localstack;

import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Puts a client on a therapist's caseload, the way an administrator would: the admin logs in and uses
 * account-service's API. Does nothing when the assignment is already there, so restarts do not pile up caseload
 * history.
 */
final class DemoCaseload {

    static final String ADMIN = "admin@securebase.test";
    static final String THERAPIST = "therapist@securebase.test";
    static final String CLIENT = "client@securebase.test";

    private static final Duration ACCOUNTS_SYNC_TIMEOUT = Duration.ofMinutes(5);

    private final DemoApi api;
    private final String accountsApi;
    private final String adminToken;

    DemoCaseload(DemoApi api, String accountServiceUrl, String adminToken) {
        this.api = api;
        this.accountsApi = accountServiceUrl + "/api/accounts";
        this.adminToken = adminToken;
    }

    /** The client's account id, once they are on the therapist's caseload. */
    String assign(String clientEmail, String therapistEmail) {
        String clientId = awaitAccountId(clientEmail);
        String therapistId = awaitAccountId(therapistEmail);
        JsonNode history = api.call(adminToken, "GET", accountsApi + "/" + clientId + "/therapist-assignments", null, 200);
        for (JsonNode assignment : history.isArray() ? history : history.path("items")) {
            boolean current = assignment.path("endedAt").isNull() || assignment.path("endedAt").isMissingNode();
            if (current && therapistId.equals(assignment.path("therapistId").asString())) {
                return clientId;
            }
        }
        api.call(adminToken, "PUT", accountsApi + "/" + clientId + "/therapist", Map.of("therapistId", therapistId), 200);
        return clientId;
    }

    /** account-service learns of the imported demo users by reconciling with Keycloak after start-up. */
    private String awaitAccountId(String email) {
        Instant deadline = Instant.now().plus(ACCOUNTS_SYNC_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            Optional<String> id = findAccountId(email);
            if (id.isPresent()) {
                return id.get();
            }
            DemoApi.pause();
        }
        throw new IllegalStateException("account-service did not list " + email + " within "
                + ACCOUNTS_SYNC_TIMEOUT.toSeconds() + " s");
    }

    private Optional<String> findAccountId(String email) {
        JsonNode page = api.call(adminToken, "GET", accountsApi + "?email="
                + URLEncoder.encode(email, StandardCharsets.UTF_8), null, 200);
        for (JsonNode account : page.path("items")) {
            if (email.equalsIgnoreCase(account.path("email").asString())) {
                return Optional.of(account.path("id").asString());
            }
        }
        return Optional.empty();
    }
}
