package org.securebase.systemtests.authorization;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

import org.securebase.localstack.SecureBaseStack;
import org.securebase.localstack.StackConfig;
import org.securebase.platform.embedded.keycloak.KeycloakAdmin;
import org.securebase.platform.embedded.keycloak.KeycloakServer;
import org.securebase.platform.embedded.keycloak.OidcBrowserlessLogin;

/**
 * What the matrix needs of a running stack: where the gateway and each service answer, and how to get tokens
 * and create people.
 *
 * @param portal               the portal client's code flow, which issues the tokens the APIs accept
 * @param accountServiceClient the account-service client, whose client-credentials token is for Keycloak's admin
 *                             API (audience {@code realm-management}), not for the APIs
 * @param accountDatabase      account-service's database, as its owner: for fixtures the API cannot make (a closure
 *                             from longer ago than any retention period)
 */
public record StackAccess(String gatewayUrl, Map<ApiService, String> serviceUrls, OidcBrowserlessLogin portal,
                   OidcBrowserlessLogin accountServiceClient, KeycloakAdmin keycloakAdmin, String demoPassword,
                   org.securebase.platform.embedded.PostgresServer.Database accountDatabase) {

    public static StackAccess of(SecureBaseStack stack) {
        StackConfig config = stack.config();
        KeycloakServer keycloak = stack.keycloak();
        // The launcher keeps the client secrets it generated in its data folder and hands out only the demo password.
        Properties secrets = secrets(config.dataDirectory().resolve("secrets.properties"));
        OidcBrowserlessLogin portal = OidcBrowserlessLogin.portal(keycloak, stack.publicUrl(),
                secrets.getProperty("keycloak.portal.secret"));
        OidcBrowserlessLogin accountService = new OidcBrowserlessLogin(keycloak.internalBaseUrl(),
                keycloak.publicBaseUrl(), keycloak.realm(), "account-service",
                secrets.getProperty("keycloak.account-service.secret"), stack.publicUrl());
        return new StackAccess(stack.publicUrl(),
                Map.of(ApiService.CONTENT, "http://localhost:" + config.contentPort(),
                        ApiService.JOURNAL, "http://localhost:" + config.journalPort(),
                        ApiService.ACCOUNTS, "http://localhost:" + config.accountPort()),
                portal, accountService, KeycloakAdmin.of(keycloak), stack.demoPassword(), stack.database("account"));
    }

    public String serviceUrl(ApiService service) {
        return serviceUrls.get(service);
    }

    /**
     * A mark unique to this run, in letters only (Keycloak takes person names of letters only): the JVM's nano clock
     * with its digits spelled as letters.
     */
    public static String runMark() {
        return Long.toString(System.nanoTime() % 1_000_000_000L).chars()
                .mapToObj(digit -> String.valueOf((char) ('a' + digit - '0'))).collect(Collectors.joining());
    }

    /**
     * Someone made for one suite (so whatever other suites left on the demo people does not matter): created in
     * Keycloak without TOTP, as the demo people are, and made known to account-service by a first call.
     */
    public UUID newPerson(String email, String firstName, String lastName, String role) {
        UUID id = UUID.fromString(keycloakAdmin.createUser(email, firstName, lastName, demoPassword, role, "mfa-exempt"));
        String token = portal.login(email, demoPassword).accessToken();
        String known = new Http().get(serviceUrl(ApiService.ACCOUNTS) + "/api/accounts/me", token).expect(200).json()
                .path("id").asString();
        if (!known.equals(id.toString())) {
            throw new IllegalStateException("account-service knows " + email + " as " + known + ", Keycloak as " + id);
        }
        return id;
    }

    /** Puts a client on a therapist's caseload, as the demo admin does in the portal. */
    /**
     * Moves a closed account's closure 101 years into the past, longer than any retention period the service accepts
     * (at most 100 years): a fixture for an erasable record, which no API can make sooner.
     */
    public void closedLongAgo(UUID clientId) {
        org.securebase.systemtests.ServiceDatabase accounts = org.securebase.systemtests.ServiceDatabase.of(accountDatabase);
        accounts.update("update closure_request set requested_at = requested_at - interval '101 years', "
                + "closed_at = closed_at - interval '101 years' where subject_id = ?", clientId);
        accounts.update("update account set deactivated_at = deactivated_at - interval '101 years' where id = ?", clientId);
    }

    public void putOnCaseload(UUID clientId, UUID therapistId) {
        String admin = portal.login("admin@securebase.test", demoPassword).accessToken();
        new Http().send("PUT", serviceUrl(ApiService.ACCOUNTS) + "/api/accounts/" + clientId + "/therapist", admin,
                Map.of("therapistId", therapistId.toString()), Map.of()).expect(200);
    }

    private static Properties secrets(Path file) {
        Properties secrets = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            secrets.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stack's secrets " + file, e);
        }
        return secrets;
    }
}
