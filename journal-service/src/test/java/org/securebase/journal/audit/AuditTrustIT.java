package org.securebase.journal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.journal.JournalServiceIntegrationTest;
import org.securebase.journal.support.Api;
import org.securebase.journal.support.People;
import org.securebase.journal.support.Projections;
import org.securebase.journal.support.ServiceOwner;
import org.securebase.platform.events.EventEnvelope;
import org.securebase.platform.events.EventJson;
import org.securebase.platform.events.Topics;
import org.securebase.platform.events.accounts.AccountRole;
import org.securebase.platform.events.accounts.ClientIdentityRead;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import tools.jackson.databind.JsonNode;

/**
 * What the audit can be trusted for: who is named (the name the practice has on record, never the token's), what it
 * holds (reads of a client's identity in account-service too), an export that is itself audited, and a hash chain
 * that names the first row someone changed.
 */
@JournalServiceIntegrationTest
class AuditTrustIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    AuditChain chain;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        new Projections(jdbc, listeners).standardCaseloads();
    }

    @Test
    void aReaderIsNamedAsThePracticeHasThemNotAsTheirTokenSays() {
        String entry = sharedEntryReadByTheTherapist();
        JsonNode row = rowFor(api.get("/api/journal/audit?limit=100", People.CLIENT.token()).json(), entry);
        String onRecord = jdbc.sql("select display_name from account_projection where account_id = :id")
                .param("id", People.THERAPIST.id()).query(String.class).single();
        assertThat(row.at("/actor/name").asString()).isEqualTo(onRecord);
        String tokenName = tokenName(People.THERAPIST.token());
        assertThat(onRecord).as("the test needs names that differ").isNotEqualTo(tokenName);
    }

    @Test
    void aReadOfTheClientsIdentityInAccountServiceIsInTheirAudit() {
        UUID readId = UUID.randomUUID();
        var read = new ClientIdentityRead(readId, People.ADMIN.id(), AccountRole.ADMIN, People.CLIENT.id(), "ACCOUNT",
                false, Instant.now());
        Projections.send(Topics.ACCOUNT_READS, People.CLIENT.id().toString(), EventJson.shared().write(
                new EventEnvelope<>(UUID.randomUUID(), "ClientIdentityRead", Instant.now(), 1, People.CLIENT.id(), read)));

        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/journal/audit?limit=100", People.CLIENT.token())
                .body().contains("account-service:ACCOUNT"));
        JsonNode mine = api.get("/api/journal/audit?limit=100", People.CLIENT.token()).json();
        JsonNode row = null;
        for (JsonNode item : mine.get("items")) {
            if ("account-service:ACCOUNT".equals(item.get("requestId").asString())) {
                row = item;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("resourceType").asString()).isEqualTo("CLIENT_IDENTITY");
        assertThat(row.at("/actor/id").asString()).isEqualTo(People.ADMIN.id().toString());
    }

    @Test
    void anAdminExportsTheAuditAsCsvAndTheExportIsAudited() {
        String entry = sharedEntryReadByTheTherapist();
        Api.Response csv = api.get("/api/journal/audit/export?subject=" + People.CLIENT.id(), People.ADMIN.token());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith(AuditExport.HEADER + "\r\n").contains(entry);
        assertThat(csv.body()).doesNotContain("A body the audit must not show");

        JsonNode audit = api.get("/api/journal/audit?subject=" + People.CLIENT.id() + "&limit=100", People.ADMIN.token()).json();
        boolean exportRecorded = false;
        for (JsonNode item : audit.get("items")) {
            exportRecorded |= item.get("resourceType").asString().equals("ACCESS_AUDIT")
                    && item.get("action").asString().equals("EXPORTED")
                    && item.at("/actor/id").asString().equals(People.ADMIN.id().toString());
        }
        assertThat(exportRecorded).isTrue();
        assertThat(api.get("/api/journal/audit/export", People.CLIENT.token()).status()).isEqualTo(403);
        assertThat(api.get("/api/journal/audit/export", People.THERAPIST.token()).status()).isEqualTo(403);
    }

    @Test
    void theChainNamesTheFirstRowThatWasChangedBehindTheServicesBack() {
        sharedEntryReadByTheTherapist();
        // The sealer leaves the rows of the last 30 s alone: wait until it has sealed everything up to this read.
        long newest = jdbc.sql("select max(id) from access_audit").query(Long.class).single();
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            chain.seal();
            return jdbc.sql("select coalesce(max(audit_id), 0) from access_audit_seal").query(Long.class).single() >= newest;
        });
        AuditChain.Report before = chain.verify();
        assertThat(before.intact()).as(before.toString()).isTrue();
        assertThat(before.sealed()).isPositive();

        long target = jdbc.sql("select max(audit_id) from access_audit_seal").query(Long.class).single();
        // What someone with the owner's rights could do: switch the guard off, rewrite a row, switch it back on.
        JdbcClient owner = ServiceOwner.jdbc();
        owner.sql("grant update on access_audit to current_user").update();
        owner.sql("alter table access_audit disable trigger access_audit_no_update_or_delete").update();
        try {
            owner.sql("update access_audit set actor_name = 'Someone else' where id = :id").param("id", target).update();
        } finally {
            owner.sql("alter table access_audit enable trigger access_audit_no_update_or_delete").update();
            owner.sql("revoke update on access_audit from current_user").update();
        }

        AuditChain.Report after = chain.verify();
        assertThat(after.intact()).isFalse();
        assertThat(after.firstBrokenRowId()).isEqualTo(target);
        assertThat(after.problem()).contains("edited");
    }

    @Test
    void aChainRewrittenByTheOwnerNoLongerHoldsTheHeadRecordedEarlier() {
        sharedEntryReadByTheTherapist();
        long newest = jdbc.sql("select max(id) from access_audit").query(Long.class).single();
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            chain.seal();
            return jdbc.sql("select coalesce(max(audit_id), 0) from access_audit_seal").query(Long.class).single() >= newest;
        });
        // Start from a chain that is whole whatever the other tests did to it, as a rewrite would leave it.
        resealFrom(0);
        AuditChain.Report recorded = chain.verify();
        assertThat(recorded.intact()).as(recorded.toString()).isTrue();
        assertThat(recorded.headRowId()).isGreaterThanOrEqualTo(newest);
        assertThat(recorded.headHash()).hasSize(64);
        assertThat(chain.verify(recorded.headRowId(), recorded.headHash()).intact()).isTrue();

        // The owner edits an earlier row and seals the chain again from there: the chain alone looks whole.
        long edited = jdbc.sql("select min(id) from access_audit").query(Long.class).single();
        JdbcClient owner = ServiceOwner.jdbc();
        owner.sql("grant update on access_audit to current_user").update();
        owner.sql("alter table access_audit disable trigger access_audit_no_update_or_delete").update();
        try {
            assertThat(owner.sql("update access_audit set actor_name = :name where id = :id")
                    .param("name", "Someone else " + UUID.randomUUID()).param("id", edited).update()).isEqualTo(1);
        } finally {
            owner.sql("alter table access_audit enable trigger access_audit_no_update_or_delete").update();
            owner.sql("revoke update on access_audit from current_user").update();
        }
        resealFrom(edited);
        assertThat(chain.verify().intact()).as("a rewrite from the edited row on").isTrue();

        AuditChain.Report against = chain.verify(recorded.headRowId(), recorded.headHash());
        assertThat(against.intact()).isFalse();
        assertThat(against.firstBrokenRowId()).isEqualTo(recorded.headRowId());
        assertThat(against.problem()).contains("rewritten");
    }

    /** What the owner could do: drop the seals from a row on (past the guard) and have them made again. */
    private void resealFrom(long fromRowId) {
        JdbcClient owner = ServiceOwner.jdbc();
        owner.sql("grant delete on access_audit_seal to current_user").update();
        owner.sql("alter table access_audit_seal disable trigger access_audit_seal_no_update_or_delete").update();
        try {
            owner.sql("delete from access_audit_seal where audit_id >= :from").param("from", fromRowId).update();
        } finally {
            owner.sql("alter table access_audit_seal enable trigger access_audit_seal_no_update_or_delete").update();
            owner.sql("revoke delete on access_audit_seal from current_user").update();
        }
        chain.seal();
    }

    private String sharedEntryReadByTheTherapist() {
        String entry = api.post("/api/journal/entries", People.CLIENT.token(),
                Api.map("title", "Audit me", "body", "A body the audit must not show.")).json().get("id").asString();
        api.post("/api/journal/entries/" + entry + "/share", People.CLIENT.token(), null);
        assertThat(api.get("/api/journal/shared-entries/" + entry, People.THERAPIST.token()).status()).isEqualTo(200);
        return entry;
    }

    private static String tokenName(String token) {
        String claims = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        return Api.JSON.readTree(claims).path("name").asString();
    }

    private static JsonNode rowFor(JsonNode page, String resourceId) {
        for (JsonNode item : page.get("items")) {
            if (item.get("resourceId").asString().equals(resourceId)) {
                return item;
            }
        }
        throw new AssertionError("no audit row for " + resourceId);
    }
}
