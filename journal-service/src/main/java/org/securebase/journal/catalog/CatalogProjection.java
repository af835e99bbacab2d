package org.securebase.journal.catalog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.securebase.platform.events.content.ArticlePublished;
import org.securebase.platform.events.content.ArticleRetracted;
import org.securebase.platform.events.consumer.EventMetadata;
import org.securebase.platform.events.consumer.IntegrationEventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Applies content-service's article events ({@code securebase.content.articles.v1}) to {@code catalog_article}. An event changes a row only if it is newer by (version, occurred-at) than the last
 * one applied: a retried publication that arrives after a newer event cannot roll the article back, and a
 * retraction (same version, later time) or republication still applies.
 */
@Component
class CatalogProjection {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    CatalogProjection(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @IntegrationEventListener(consumer = "catalog")
    void published(ArticlePublished event, EventMetadata metadata) {
        List<AssignableArticle.ArticleList> lists = event.sections().stream()
                .flatMap(section -> section.lists().stream())
                .map(list -> new AssignableArticle.ArticleList(list.id(), list.itemIds()))
                .toList();
        jdbc.sql("""
                        insert into catalog_article (article_id, slug, title, status, current_version, lists,
                                                     last_event_at, updated_at)
                        values (:id, :slug, :title, 'PUBLISHED', :version, :lists, :at, :now)
                        on conflict (article_id) do update
                        set slug = excluded.slug, title = excluded.title, status = excluded.status,
                            current_version = excluded.current_version, lists = excluded.lists,
                            last_event_at = excluded.last_event_at, updated_at = excluded.updated_at
                        where (catalog_article.current_version, catalog_article.last_event_at)
                              < (excluded.current_version, excluded.last_event_at)""")
                .param("id", event.articleId())
                .param("slug", event.slug())
                .param("title", event.title())
                .param("version", event.version())
                .param("lists", json.writeValueAsString(lists))
                .param("at", timestamp(metadata.occurredAt()))
                .param("now", timestamp(clock.instant()))
                .update();
    }

    /** Retracting an article the catalog never saw published changes nothing: it was never assignable. */
    @IntegrationEventListener(consumer = "catalog")
    void retracted(ArticleRetracted event, EventMetadata metadata) {
        jdbc.sql("""
                        update catalog_article
                        set status = 'RETRACTED', current_version = greatest(current_version, :version),
                            last_event_at = :at, updated_at = :now
                        where article_id = :id and (current_version, last_event_at) < (:version, :at)""")
                .param("id", event.articleId())
                .param("version", event.version())
                .param("at", timestamp(metadata.occurredAt()))
                .param("now", timestamp(clock.instant()))
                .update();
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS));
    }
}
