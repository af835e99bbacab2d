package org.securebase.content.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.content.support.Api;
import org.securebase.content.support.Articles;
import org.securebase.content.support.ContentServiceIntegrationTest;
import org.securebase.content.support.RestartableKafka;
import org.securebase.content.support.TestTokens;
import org.securebase.content.support.TopicProbe;
import org.securebase.platform.events.EventEnvelope;
import org.securebase.platform.events.EventJson;
import org.securebase.platform.events.Topics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * An event written while the broker is down reaches Kafka once the broker is back, exactly once. The
 * service runs against a broker of its own here, which the test stops and starts; short producer timeouts
 * make the failed send happen in seconds rather than minutes.
 */
@ContentServiceIntegrationTest
@TestPropertySource(properties = {
        "securebase.test.kafka=restartable",
        "spring.kafka.producer.properties.max.block.ms=2000",
        "spring.kafka.producer.properties.request.timeout.ms=1500",
        "spring.kafka.producer.properties.delivery.timeout.ms=3000",
        "spring.kafka.producer.properties.reconnect.backoff.max.ms=500"
})
class BrokerOutageIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Api api;
    private Articles articles;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        articles = new Articles(api);
        RestartableKafka.start();
    }

    @AfterEach
    void brokerBack() {
        RestartableKafka.start();
    }

    @Test
    void anEventWrittenWhileTheBrokerIsDownIsPublishedOnceItIsBack() {
        // The service has talked to the broker before the outage.
        String before = Articles.uniqueSlug("before-outage");
        String beforeId = articles.createPublished(before, "Before the outage", "Text.").get("id").asString();
        try (TopicProbe probe = TopicProbe.fromBeginning(RestartableKafka.bootstrapServers(), Topics.CONTENT_ARTICLES)) {
            probe.awaitRecords(seen -> seen.stream().anyMatch(r -> beforeId.equals(r.key())));
        }

        RestartableKafka.stop();
        String slug = Articles.uniqueSlug("during-outage");
        JsonNode published = articles.createPublished(slug, "During the outage", "Written while Kafka is down.");
        String id = published.get("id").asString();

        // The change is committed and readable; its event is stored and the send has failed.
        assertThat(articles.get(slug, TestTokens.client()).status()).isEqualTo(200);
        await("a failed send").atMost(Duration.ofSeconds(60))
                .until(() -> List.of("FAILED", "RESUBMITTED").contains(statusOf(id)));

        RestartableKafka.start();

        try (TopicProbe probe = TopicProbe.fromBeginning(RestartableKafka.bootstrapServers(), Topics.CONTENT_ARTICLES)) {
            probe.awaitRecords(seen -> seen.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(90));
            await("publication completed").atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(statusOf(id)));
            assertThat(attemptsOf(id)).as("delivered by a resubmission").isPositive();

            // A later event of the same article (same partition, so it comes after every earlier one): once it
            // is in, the outage's event must be there exactly once.
            api.post("/api/content/articles/" + slug + "/retract", TestTokens.therapist(), null);
            List<ConsumerRecord<String, byte[]>> records = probe.awaitRecords(seen -> typesFor(seen, id).contains("ArticleRetracted"));

            assertThat(typesFor(records, id)).containsExactly("ArticlePublished", "ArticleRetracted");
        }
    }

    private static List<String> typesFor(List<ConsumerRecord<String, byte[]>> records, String id) {
        return records.stream()
                .filter(r -> id.equals(r.key()))
                .map(r -> EventJson.shared().readTree(r.value()))
                .map(EventEnvelope::type)
                .toList();
    }

    private String statusOf(String articleId) {
        return publicationOf(articleId).get("status").toString();
    }

    private int attemptsOf(String articleId) {
        return ((Number) publicationOf(articleId).get("completion_attempts")).intValue();
    }

    private Map<String, Object> publicationOf(String articleId) {
        return jdbc.sql("""
                        select status, coalesce(completion_attempts, 0) as completion_attempts from event_publication
                        where serialized_event like :id and serialized_event like '%ArticlePublished%'""")
                .param("id", "%" + articleId + "%").query().singleRow();
    }
}
