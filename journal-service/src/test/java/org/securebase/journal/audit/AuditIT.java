package org.securebase.journal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.journal.JournalServiceIntegrationTest;
import org.securebase.journal.support.Api;
import org.securebase.journal.support.People;
import org.securebase.journal.support.Projections;
import org.securebase.journal.support.ServiceOwner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import tools.jackson.databind.JsonNode;

@JournalServiceIntegrationTest
class AuditIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        Projections projections = new Projections(jdbc, listeners);
        projections.standardCaseloads();
        // The caseloads current as of now before a therapist reads (ADR 0016): after another test context's start has
        // kept the machine busy, the last applied heartbeat can be older than the bound.
        projections.heartbeatsUntil(java.time.Instant.now());
    }

    @Test
    void theClientSeesWhoReadTheirDataAndTheAdminSeesAllReadsWithoutContent() {
        Api.Response created = api.post("/api/journal/entries", People.CLIENT.token(),
                Api.map("title", "Audit me", "body", "A body the audit must not show."));
        String entry = created.json().get("id").asString();
        api.post("/api/journal/entries/" + entry + "/share", People.CLIENT.token(), null);
        Api.Response read = api.send(api.request("/api/journal/shared-entries/" + entry, People.THERAPIST.token())
                .header("X-Request-Id", "audit-it-" + entry.substring(0, 8)).GET());
        assertThat(read.status()).isEqualTo(200);

        JsonNode mine = api.get("/api/journal/audit?limit=100", People.CLIENT.token()).json();
        JsonNode row = find(mine, entry);
        assertThat(row).as("the client's audit shows the read").isNotNull();
        assertThat(row.at("/actor/id").asString()).isEqualTo(People.THERAPIST.id().toString());
        assertThat(row.at("/actor/role").asString()).isEqualTo("THERAPIST");
        assertThat(row.at("/actor/name").asString()).isNotBlank();
        assertThat(row.get("resourceType").asString()).isEqualTo("JOURNAL_ENTRY");
        assertThat(row.get("action").asString()).isEqualTo("READ");
        assertThat(row.get("requestId").asString()).isEqualTo("audit-it-" + entry.substring(0, 8));
        assertThat(Instant.parse(row.get("occurredAt").asString())).isCloseTo(Instant.now(), within());
        assertThat(mine.toString()).doesNotContain("A body the audit must not show", "Audit me");

        // Another client sees nothing of it.
        assertThat(api.get("/api/journal/audit?limit=100", People.OTHER_CLIENT.token()).body()).doesNotContain(entry);
        // A client cannot ask for someone else's reads.
        assertThat(api.get("/api/journal/audit?subject=" + People.OTHER_CLIENT.id(), People.CLIENT.token()).status())
                .isEqualTo(400);

        // The admin sees it, filtered by actor and by subject, and paginates newest first.
        String byActor = "/api/journal/audit?actor=" + People.THERAPIST.id() + "&subject=" + People.CLIENT.id();
        assertThat(find(api.get(byActor + "&limit=100", People.ADMIN.token()).json(), entry)).isNotNull();
        assertThat(api.get("/api/journal/audit?actor=" + People.OTHER_THERAPIST.id() + "&limit=100",
                People.ADMIN.token()).body()).doesNotContain(entry);
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get(byActor + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                    People.ADMIN.token()).json();
            page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            pages++;
        } while (cursor != null && pages < 50);
        assertThat(ids).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(api.get("/api/journal/audit", People.THERAPIST.token()).status()).isEqualTo(403);
    }

    @Test
    void theServicesDatabaseRoleCanOnlyReadAndAppendAuditRows() {
        Api.Response created = api.post("/api/journal/entries", People.CLIENT.token(),
                Api.map("title", "Append only", "body", "x"));
        String entry = created.json().get("id").asString();
        api.post("/api/journal/entries/" + entry + "/share", People.CLIENT.token(), null);
        api.get("/api/journal/shared-entries/" + entry, People.THERAPIST.token());
        long rows = jdbc.sql("select count(*) from access_audit").query(Long.class).single();
        assertThat(rows).isPositive();
        // The JdbcClient here is the service's own connection pool: the role the service runs as, which owns nothing.
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("journal_app");

        // Granting itself rights changes nothing: it owns nothing, so PostgreSQL grants nothing (a warning, no error).
        jdbc.sql("grant update, delete, truncate on access_audit to current_user").update();
        for (String attempt : List.of(
                "update access_audit set actor_name = 'someone else'",
                "delete from access_audit",
                "truncate access_audit",
                "alter table access_audit disable trigger access_audit_no_update_or_delete",
                "drop trigger access_audit_no_update_or_delete on access_audit",
                "update access_audit_seal set row_hash = '\\x00'",
                "delete from access_audit_seal",
                "delete from flyway_schema_history")) {
            assertThatThrownBy(() -> jdbc.sql(attempt).update()).as(attempt)
                    .isInstanceOf(DataAccessException.class).rootCause()
                    .satisfies(cause -> assertThat(cause.getMessage()).containsAnyOf("permission denied", "must be owner"));
        }
        assertThat(jdbc.sql("select count(*) from access_audit").query(Long.class).single()).isEqualTo(rows);
        assertThat(jdbc.sql("select count(*) from access_audit where actor_name = 'someone else'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void evenTheOwnerCannotChangeAuditRowsWithoutSwitchingTheGuardOff() {
        // At least one row: a row trigger never fires on an empty table, whatever it would refuse.
        String entry = api.post("/api/journal/entries", People.CLIENT.token(),
                Api.map("title", "Guarded", "body", "A body read once.")).json().get("id").asString();
        api.post("/api/journal/entries/" + entry + "/share", People.CLIENT.token(), null);
        assertThat(api.get("/api/journal/shared-entries/" + entry, People.THERAPIST.token()).status()).isEqualTo(200);
        JdbcClient owner = ServiceOwner.jdbc();
        // The owner gave up its own rights to change rows; granting them back still leaves the trigger in the way.
        owner.sql("grant update, delete, truncate on access_audit to current_user").update();
        try {
            assertThatThrownBy(() -> owner.sql("update access_audit set actor_name = 'someone else'").update())
                    .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
            assertThatThrownBy(() -> owner.sql("truncate access_audit").update())
                    .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        } finally {
            owner.sql("revoke update, delete, truncate on access_audit from current_user").update();
        }
    }

    private static JsonNode find(JsonNode page, String resourceId) {
        for (JsonNode item : page.get("items")) {
            if (item.get("resourceId").asString().equals(resourceId) && item.get("action").asString().equals("READ")) {
                return item;
            }
        }
        return null;
    }

    private static org.assertj.core.data.TemporalUnitOffset within() {
        return org.assertj.core.api.Assertions.within(5, ChronoUnit.MINUTES);
    }
}
