package org.securebase.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.securebase.platform.events.EventEnvelope;
import org.securebase.platform.events.EventJson;
import org.securebase.platform.events.Topics;
import org.securebase.platform.events.accounts.CaseloadEnded;
import org.securebase.platform.test.OutboxUpgrade;

/**
 * Outbox rows written before the events kit (account-service's own AccountsEvent wrapper, the payload as a JSON
 * tree) are rewritten by V3 into the kit's OutboxEvent, so an event still unsent at the upgrade is sent after it,
 * as the same envelope.
 */
class OutboxUpgradeIT {

    @Test
    void aRowWrittenBeforeTheKitIsRestoredAsTheKitsOutboxEventWithTheSameEnvelope() throws Exception {
        UUID client = UUID.randomUUID();
        UUID therapist = UUID.randomUUID();
        UUID caseload = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        // The registry's JSON of the old wrapper, as account-service wrote it.
        String legacy = """
                {"eventId":"%s","type":"CaseloadEnded","schemaVersion":1,"occurredAt":"2026-11-30T10:15:30.123Z",\
                "aggregateId":"%s","payload":{"clientId":"%s","sequence":7,"therapistId":"%s","assignmentId":"%s",\
                "reason":"REASSIGNED","endedAt":"2026-11-30T10:15:30.123Z"}}""".formatted(eventId, client, client,
                therapist, caseload);

        List<OutboxUpgrade.UpgradedRow> rows = OutboxUpgrade.upgrade("account_outbox_upgrade", "2", List.of(
                new OutboxUpgrade.LegacyRow("org.securebase.account.events.AccountsEvent", legacy, false)));

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.eventType()).isEqualTo("org.securebase.platform.events.outbox.OutboxEvent");
            assertThat(row.event().topic()).isEqualTo(Topics.ACCOUNTS);
            assertThat(row.event().key()).isEqualTo(client.toString());
            assertThat(row.event().eventId()).isEqualTo(eventId);
            assertThat(row.event().type()).isEqualTo("CaseloadEnded");
            EventEnvelope<CaseloadEnded> sent = EventJson.shared().read(
                    row.event().envelope().getBytes(StandardCharsets.UTF_8), CaseloadEnded.class);
            Instant at = Instant.parse("2026-11-30T10:15:30.123Z");
            assertThat(sent).isEqualTo(new EventEnvelope<>(eventId, "CaseloadEnded", at, 1, client,
                    new CaseloadEnded(client, 7, therapist, caseload, "REASSIGNED", at)));
        });
    }
}
