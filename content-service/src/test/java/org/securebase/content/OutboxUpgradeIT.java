package org.securebase.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.securebase.platform.events.EventEnvelope;
import org.securebase.platform.events.EventJson;
import org.securebase.platform.events.Topics;
import org.securebase.platform.events.content.ArticleRetracted;
import org.securebase.platform.test.OutboxUpgrade;

/**
 * Outbox rows written before the events kit (content-service's own ArticleEvent.Published and .Retracted wrappers)
 * are rewritten by V5 into the kit's OutboxEvent, so an event still unsent at the upgrade is sent after it, as the
 * envelope the old externalization would have written.
 */
class OutboxUpgradeIT {

    @Test
    void rowsWrittenBeforeTheKitAreRestoredAsTheKitsOutboxEvents() throws Exception {
        UUID article = UUID.randomUUID();
        UUID published = UUID.randomUUID();
        UUID retracted = UUID.randomUUID();
        String publishedRow = """
                {"eventId":"%s","occurredAt":"2026-11-30T10:15:30.123Z","payload":{"articleId":"%s",\
                "slug":"attachment","title":"Attachment","summary":"","version":2,"tags":["a"],"sections":[],\
                "publishedAt":"2026-11-30T10:15:30.123Z"}}""".formatted(published, article);
        String retractedRow = """
                {"eventId":"%s","occurredAt":"2026-11-30T11:00:00Z","payload":{"articleId":"%s","slug":"attachment",\
                "version":2,"retractedAt":"2026-11-30T11:00:00Z"}}""".formatted(retracted, article);

        List<OutboxUpgrade.UpgradedRow> rows = OutboxUpgrade.upgrade("content_outbox_upgrade", "4", List.of(
                new OutboxUpgrade.LegacyRow("org.securebase.content.article.ArticleEvent$Published", publishedRow, true),
                new OutboxUpgrade.LegacyRow("org.securebase.content.article.ArticleEvent$Retracted", retractedRow, false)));

        assertThat(rows).extracting(row -> row.event().type()).containsExactly("ArticlePublished", "ArticleRetracted");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.eventType()).isEqualTo("org.securebase.platform.events.outbox.OutboxEvent");
            assertThat(row.event().topic()).isEqualTo(Topics.CONTENT_ARTICLES);
            assertThat(row.event().key()).isEqualTo(article.toString());
        });
        assertThat(rows.get(0).event().eventId()).isEqualTo(published);
        EventEnvelope<ArticleRetracted> sent = EventJson.shared().read(
                rows.get(1).event().envelope().getBytes(StandardCharsets.UTF_8), ArticleRetracted.class);
        Instant at = Instant.parse("2026-11-30T11:00:00Z");
        assertThat(sent).isEqualTo(new EventEnvelope<>(retracted, "ArticleRetracted", at, 1, article,
                new ArticleRetracted(article, "attachment", 2, at)));
    }
}
