package org.securebase.content.pinning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.content.support.Api;
import org.securebase.content.support.Articles;
import org.securebase.content.support.ContentServiceIntegrationTest;
import org.securebase.content.support.TestTokens;
import org.securebase.content.support.TopicProbe;
import org.securebase.platform.events.EventEnvelope;
import org.securebase.platform.events.EventJson;
import org.securebase.platform.events.Topics;
import org.securebase.platform.events.journal.AssignmentCreated;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A version pinned by an assignment stays readable for its client after the article is retracted, and only
 * for that client. The pins come from journal-service's events, which this test produces itself.
 */
@ContentServiceIntegrationTest
class PinnedReadingIT {

    private static final String OTHER_CLIENT = "another-client@securebase.test";

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    JdbcClient jdbc;

    private Api api;
    private Articles articles;
    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        articles = new Articles(api);
        // As the operator: the test plays journal-service and account-service, whose topics content-service may not write.
        Map<String, Object> properties = new java.util.HashMap<>(TopicProbe.testTool(bootstrapServers));
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void tearDown() {
        producer.close(Duration.ofSeconds(5));
    }

    @Test
    void aClientKeepsReadingTheVersionAssignedToThemAfterARetraction() throws Exception {
        String slug = Articles.uniqueSlug("pinned");
        UUID articleId = UUID.fromString(articles.createPublished(slug, "Pinned", "Version one.").get("id").asString());
        api.post("/api/content/articles/" + slug + "/retract", TestTokens.therapist(), null);
        String version1 = "/api/content/articles/" + slug + "/versions/1";
        assertThat(api.get(version1, TestTokens.client()).status()).isEqualTo(404);
        assertThat(api.get(version1, TestTokens.client(), "If-None-Match", "*").status()).isEqualTo(404);

        UUID client = TestTokens.subject(TestTokens.client());
        UUID assignment = UUID.randomUUID();
        send(assignment, assignmentCreated(assignment, client, articleId, 1));

        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(version1, TestTokens.client()).status() == 200);
        assertThat(api.get(version1, TestTokens.client()).json().get("markdown").asString()).isEqualTo("Version one.");
        // Only that version, only inside the assignment: the article itself stays retracted for the client...
        assertThat(articles.get(slug, TestTokens.client()).status()).isEqualTo(404);
        assertThat(api.get("/api/content/articles/" + slug + "/versions/2", TestTokens.client()).status()).isEqualTo(404);
        // ...and another client has no pin, not even to learn that a tag is current.
        assertThat(api.get(version1, TestTokens.ensureUser(OTHER_CLIENT, "client")).status()).isEqualTo(404);
        String tag = api.get(version1, TestTokens.client()).header("ETag");
        assertThat(api.get(version1, TestTokens.client(), "If-None-Match", tag).status()).isEqualTo(304);
        assertThat(api.get(version1, TestTokens.ensureUser(OTHER_CLIENT, "client"), "If-None-Match", tag).status())
                .isEqualTo(404);

        // A replay changes nothing.
        send(assignment, assignmentCreated(assignment, client, articleId, 1));
        awaitConsumedPast(assignment);
        assertThat(jdbc.sql("select count(*) from pinned_reading where assignment_id = :id").param("id", assignment)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheConsumerMovesOn() throws Exception {
        try (TopicProbe deadLetters = TopicProbe.fromNow(bootstrapServers, Topics.deadLetterOf(Topics.JOURNAL_ASSIGNMENTS))) {
            String poisonKey = "poison-" + UUID.randomUUID();
            producer.send(new ProducerRecord<>(Topics.JOURNAL_ASSIGNMENTS, poisonKey,
                    "{not an envelope".getBytes(StandardCharsets.UTF_8))).get();
            UUID assignment = UUID.randomUUID();
            send(assignment, assignmentCreated(assignment, UUID.randomUUID(), UUID.randomUUID(), 3));

            var parked = deadLetters.awaitRecords(seen -> seen.stream().anyMatch(r -> poisonKey.equals(r.key())));

            assertThat(new String(parked.stream().filter(r -> poisonKey.equals(r.key())).findFirst().orElseThrow().value(),
                    StandardCharsets.UTF_8)).isEqualTo("{not an envelope");
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                    "select count(*) from pinned_reading where assignment_id = :id").param("id", assignment)
                    .query(Long.class).single() == 1);
        }
    }

    /**
     * Sends a marker under the same key (so to the same partition, after everything sent before under it) and
     * waits until the marker is stored: then the records before it have been handled too.
     */
    private void awaitConsumedPast(UUID key) throws Exception {
        UUID marker = UUID.randomUUID();
        send(key, assignmentCreated(marker, UUID.randomUUID(), UUID.randomUUID(), 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from pinned_reading where assignment_id = :id").param("id", marker)
                .query(Long.class).single() == 1);
    }

    private void send(UUID key, EventEnvelope<AssignmentCreated> event) throws Exception {
        producer.send(new ProducerRecord<>(Topics.JOURNAL_ASSIGNMENTS, key.toString(), EventJson.shared().write(event))).get();
    }

    private static EventEnvelope<AssignmentCreated> assignmentCreated(UUID assignment, UUID client, UUID article, int version) {
        return new EventEnvelope<>(UUID.randomUUID(), "AssignmentCreated", Instant.now(), 1,
                assignment, new AssignmentCreated(assignment, client, UUID.randomUUID(), article, version,
                        Instant.now().plusSeconds(86_400)));
    }
}
