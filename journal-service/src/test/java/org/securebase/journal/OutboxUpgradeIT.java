package org.securebase.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.securebase.platform.events.EventEnvelope;
import org.securebase.platform.events.EventJson;
import org.securebase.platform.events.Topics;
import org.securebase.platform.events.journal.AssignmentSubmitted;
import org.securebase.platform.test.OutboxUpgrade;

import tools.jackson.databind.json.JsonMapper;

/**
 * Outbox rows written before the events kit (journal-service's own JournalEvent wrapper) are rewritten by V5 into
 * the kit's OutboxEvent, so an event still unsent at the upgrade is sent after it, with the same bytes.
 */
class OutboxUpgradeIT {

    @Test
    void aRowWrittenBeforeTheKitIsRestoredAsTheKitsOutboxEventWithTheSameEnvelope() throws Exception {
        UUID assignment = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-30T10:15:30.123456Z");
        var payload = new AssignmentSubmitted(assignment, UUID.randomUUID(), UUID.randomUUID(), at);
        var envelope = new EventEnvelope<>(UUID.randomUUID(), "AssignmentSubmitted", at, 1, assignment, payload);
        String envelopeJson = new String(EventJson.shared().write(envelope), StandardCharsets.UTF_8);
        String legacy = JsonMapper.builder().build().writeValueAsString(Map.of("eventId", envelope.eventId().toString(),
                "type", "AssignmentSubmitted", "aggregateId", assignment.toString(), "envelopeJson", envelopeJson));

        List<OutboxUpgrade.UpgradedRow> rows = OutboxUpgrade.upgrade("journal_outbox_upgrade", "4", List.of(
                new OutboxUpgrade.LegacyRow("org.securebase.journal.assignment.JournalEvent", legacy, false),
                new OutboxUpgrade.LegacyRow("org.securebase.journal.assignment.JournalEvent", legacy, true)));

        assertThat(rows).hasSize(2).allSatisfy(row -> {
            assertThat(row.eventType()).isEqualTo("org.securebase.platform.events.outbox.OutboxEvent");
            assertThat(row.event().topic()).isEqualTo(Topics.JOURNAL_ASSIGNMENTS);
            assertThat(row.event().key()).isEqualTo(assignment.toString());
            assertThat(row.event().eventId()).isEqualTo(envelope.eventId());
            assertThat(row.event().type()).isEqualTo("AssignmentSubmitted");
            assertThat(row.event().envelope()).isEqualTo(envelopeJson);
        });
        assertThat(rows).extracting(OutboxUpgrade.UpgradedRow::completed).containsExactly(false, true);
        assertThat(EventJson.shared().read(rows.get(0).event().envelope().getBytes(StandardCharsets.UTF_8),
                AssignmentSubmitted.class)).isEqualTo(envelope);
    }
}
