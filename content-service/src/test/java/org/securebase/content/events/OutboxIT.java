package org.securebase.content.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.securebase.content.article.ArticleAuthoring;
import org.securebase.content.article.ArticleContent;
import org.securebase.content.support.Articles;
import org.securebase.content.support.ContentServiceIntegrationTest;
import org.securebase.content.support.TopicProbe;
import org.securebase.platform.events.EventEnvelope;
import org.securebase.platform.events.EventJson;
import org.securebase.platform.events.Topics;
import org.securebase.platform.events.content.ArticlePublished;
import org.securebase.platform.security.Caller;
import org.securebase.platform.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox: an article change and its event commit together or not at all. */
@ContentServiceIntegrationTest
class OutboxIT {

    private static final Caller THERAPIST = new Caller(UUID.randomUUID(), Role.THERAPIST, "Outbox test");
    private static final ArticleContent CONTENT =
            new ArticleContent("Outbox", "", "en", "A body.\n\n## Part\n\n- item\n", List.of(), null);

    @Autowired
    ArticleAuthoring authoring;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void aPublishWhoseTransactionRollsBackEmitsNothing() {
        String slug = Articles.uniqueSlug("rollback");
        UUID id = authoring.create(slug, CONTENT, THERAPIST).id();
        try (TopicProbe probe = TopicProbe.fromNow(bootstrapServers, Topics.CONTENT_ARTICLES)) {
            long stored = publicationsOf(id);

            transaction.executeWithoutResult(status -> {
                authoring.publish(slug, null, THERAPIST);
                // Inside the transaction the event is already stored next to the change...
                assertThat(publicationsOf(id)).isEqualTo(stored + 1);
                status.setRollbackOnly();
            });

            // ...and gone with it.
            assertThat(publicationsOf(id)).isEqualTo(stored);
            assertThat(jdbc.sql("select status from article where id = :id").param("id", id).query(String.class).single())
                    .isEqualTo("DRAFT");
            assertThat(jdbc.sql("select count(*) from article_version where article_id = :id").param("id", id)
                    .query(Long.class).single()).isZero();

            // A publish that commits, of the same article: same key, same partition, so an event of the rolled
            // back publish, had it been sent, would arrive before this one.
            authoring.publish(slug, null, THERAPIST);
            List<ConsumerRecord<String, byte[]>> records = probe.awaitRecords(
                    seen -> seen.stream().anyMatch(r -> id.toString().equals(r.key())));

            List<EventEnvelope<ArticlePublished>> mine = records.stream()
                    .filter(r -> id.toString().equals(r.key()))
                    .map(r -> EventJson.shared().read(r.value(), ArticlePublished.class))
                    .toList();
            assertThat(mine).hasSize(1);
            String stored2 = jdbc.sql("select serialized_event from event_publication where serialized_event like :id")
                    .param("id", "%" + id + "%").query(String.class).single();
            assertThat(stored2).contains(mine.get(0).eventId().toString());
        }
    }

    @Test
    void aDeliveredEventIsMarkedCompleted() {
        String slug = Articles.uniqueSlug("completed");
        UUID id = authoring.create(slug, CONTENT, THERAPIST).id();

        authoring.publish(slug, null, THERAPIST);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql("""
                        select status from event_publication where serialized_event like :id""")
                .param("id", "%" + id + "%").query(String.class).single()).isEqualTo("COMPLETED"));
    }

    private long publicationsOf(UUID articleId) {
        return jdbc.sql("select count(*) from event_publication where serialized_event like :id")
                .param("id", "%" + articleId + "%").query(Long.class).single();
    }
}
