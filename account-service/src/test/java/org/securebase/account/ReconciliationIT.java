package org.securebase.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.account.reconciliation.Reconciliation;
import org.securebase.account.reconciliation.ReconciliationReport;
import org.securebase.account.reconciliation.ReconciliationSchedule;
import org.securebase.account.testsupport.AccountsTopic;
import org.securebase.account.testsupport.Api;
import org.securebase.account.testsupport.KeycloakConsole;
import org.securebase.account.testsupport.People;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

/** Changes made directly in Keycloak's admin console are picked up by the reconciliation. */
@AccountServiceIntegrationTest
class ReconciliationIT {

    /** Outbox rows, less the heartbeats the service writes every few seconds whatever a test does. */
    private static final String EVENTS_OTHER_THAN_HEARTBEATS =
            "select count(*) from event_publication where serialized_event not like ?";

    @LocalServerPort
    int port;

    @Autowired
    Reconciliation reconciliation;

    @Autowired
    ReconciliationSchedule schedule;

    @Autowired
    JdbcTemplate jdbc;

    Api api;
    AccountsTopic topic;
    KeycloakConsole console;
    String admin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        topic = new AccountsTopic();
        console = new KeycloakConsole();
        admin = People.token(People.ADMIN);
    }

    @AfterEach
    void tearDown() {
        console.close();
        topic.close();
    }

    @Test
    void theDemoAccountsWereAdoptedByTheRunAtStartUp() {
        ReconciliationSchedule.CompletedRun atStartUp = schedule.startupRun().orElseThrow();
        for (String email : List.of(People.ADMIN, People.THERAPIST, People.CLIENT)) {
            java.sql.Timestamp activatedAt = jdbc.queryForObject(
                    "select activated_at from account where email = ?", java.sql.Timestamp.class, email);
            // Adopted no later than the start-up run finished: by that run, not by a later one or a login.
            assertThat(activatedAt.toInstant()).as(email).isBeforeOrEqualTo(atStartUp.finishedAt());
        }
        assertThat(jdbc.queryForObject("select role from account where email = ?", String.class, People.THERAPIST))
                .isEqualTo("THERAPIST");
    }

    @Test
    void aUserDisabledInTheConsoleIsMarkedDeactivatedAndEnablingBringsThemBack() {
        UUID id = adoptedClient("disabled-in-console");

        console.setEnabled(id, false);
        ReconciliationReport report = reconciliation.run();

        assertThat(report.deactivated()).isGreaterThanOrEqualTo(1);
        assertThat(status(id)).isEqualTo("deactivated");
        AccountsTopic.Received deactivated = topic.awaitRecord(id, AccountsTopic.ofType("AccountDeactivated"));
        assertThat(deactivated.payload().path("cause").asString()).isEqualTo("KEYCLOAK");

        console.setEnabled(id, true);
        reconciliation.run();
        assertThat(status(id)).isEqualTo("active");
        assertThat(topic.awaitRecord(id, AccountsTopic.ofType("AccountReactivated")).payload().path("cause").asString())
                .isEqualTo("KEYCLOAK");
    }

    @Test
    void aRoleChangedInTheConsoleIsTakenOverAndEndsTheCaseload() {
        UUID client = adoptedClient("becomes-therapist");
        UUID therapist = People.createInKeycloak(People.uniqueEmail("their-therapist"), "Thea", "Rapist", "therapist");
        reconciliation.run();
        assertThat(api.put("/api/accounts/" + client + "/therapist", admin, Map.of("therapistId", therapist.toString()))
                .status()).isEqualTo(200);

        console.moveRole(client, "client", "therapist");
        ReconciliationReport report = reconciliation.run();

        assertThat(report.roleChanged()).isGreaterThanOrEqualTo(1);
        assertThat(api.get("/api/accounts/" + client, admin).json().path("role").asString()).isEqualTo("therapist");
        List<AccountsTopic.Received> events = topic.awaitRecords(client, 4);
        assertThat(events).extracting(AccountsTopic.Received::type)
                .containsExactly("AccountActivated", "CaseloadAssigned", "CaseloadEnded", "RoleChanged");
        assertThat(events.get(2).payload().path("reason").asString()).isEqualTo("ROLE_CHANGED");
        JsonNode roleChanged = events.get(3).payload();
        assertThat(roleChanged.path("previousRole").asString()).isEqualTo("CLIENT");
        assertThat(roleChanged.path("role").asString()).isEqualTo("THERAPIST");
        assertThat(api.get("/api/accounts/" + therapist + "/caseload", admin).json()).isEmpty();
    }

    @Test
    void aUserDeletedInTheConsoleIsMarkedDeletedAndCannotBeChangedAnyMore() {
        UUID id = adoptedClient("deleted-in-console");

        console.delete(id);
        reconciliation.run();

        assertThat(status(id)).isEqualTo("deleted");
        assertThat(topic.awaitRecord(id, AccountsTopic.ofType("AccountDeactivated")).payload().path("cause").asString())
                .isEqualTo("DELETED_IN_KEYCLOAK");
        assertThat(api.post("/api/accounts/" + id + "/reactivation", admin, null).status()).isEqualTo(409);
    }

    @Test
    void aUserCreatedInTheConsoleIsAdoptedAndASecondRunChangesNothing() {
        String email = People.uniqueEmail("made-in-console");
        UUID id = People.createInKeycloak(email, "Con", "Sole", "therapist");

        reconciliation.run();
        assertThat(status(id)).isEqualTo("active");
        assertThat(api.get("/api/accounts/" + id, admin).json().path("role").asString()).isEqualTo("therapist");
        topic.awaitRecord(id, AccountsTopic.ofType("AccountActivated"));

        long eventsBefore = jdbc.queryForObject(EVENTS_OTHER_THAN_HEARTBEATS, Long.class, "%AccountsHeartbeat%");
        ReconciliationReport second = reconciliation.run();
        assertThat(second.changedAnything()).as(second.toString()).isFalse();
        assertThat(jdbc.queryForObject(EVENTS_OTHER_THAN_HEARTBEATS, Long.class, "%AccountsHeartbeat%")).isEqualTo(eventsBefore);
    }

    private UUID adoptedClient(String label) {
        UUID id = People.createInKeycloak(People.uniqueEmail(label), "Rec", "Onciled", "client");
        reconciliation.run();
        assertThat(status(id)).isEqualTo("active");
        return id;
    }

    private String status(UUID id) {
        return api.get("/api/accounts/" + id, admin).json().path("status").asString();
    }
}
