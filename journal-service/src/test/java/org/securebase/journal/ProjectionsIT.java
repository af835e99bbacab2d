package org.securebase.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.journal.caseload.Caseloads;
import org.securebase.journal.catalog.ArticleCatalog;
import org.securebase.journal.support.Api;
import org.securebase.journal.support.Projections;
import org.securebase.journal.support.Projections.ArticleList;
import org.securebase.journal.support.TestTopics;
import org.securebase.journal.support.TopicProbe;
import org.securebase.platform.events.EventEnvelope;
import org.securebase.platform.events.EventJson;
import org.securebase.platform.events.Topics;
import org.securebase.platform.test.TestBackends;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.utils.ContainerTestUtils;

/**
 * The catalog and caseload projections, fed through the real broker: ordering guards, duplicates, poison records
 * (dead-lettered, consumer keeps going) and a full replay of both topics that changes nothing.
 */
@JournalServiceIntegrationTest
class ProjectionsIT {

    private static final List<String> GROUPS = List.of("journal-service.caseload", "journal-service.catalog");

    private static Admin admin;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    ArticleCatalog catalog;

    @Autowired
    Caseloads caseloads;

    Projections projections;

    @BeforeEach
    void setUp() {
        projections = new Projections(jdbc, listeners);
    }

    @AfterAll
    static void closeAdmin() {
        if (admin != null) {
            admin.close();
        }
    }

    @Test
    void theCatalogKeepsTheNewestVersionWhateverOrderEventsArriveIn() {
        List<ArticleList> lists = List.of(new ArticleList("list-1", List.of("a", "b")));
        UUID article = projections.publishArticle("Attachment and Healing", lists.toArray(ArticleList[]::new));
        assertThat(catalog.assignable(article)).hasValueSatisfying(a -> {
            assertThat(a.version()).isEqualTo(1);
            assertThat(a.list("list-1")).isPresent();
        });
        projections.publishVersion(article, "attachment", "Attachment and Healing, revised", 2,
                List.of(new ArticleList("list-2", List.of("c"))));

        // A redelivered (same event id) and a late (older) version-1 event change nothing.
        Instant old = Instant.now().minusSeconds(3600);
        UUID lateEvent = UUID.randomUUID();
        byte[] lateV1 = Projections.articlePublished(lateEvent, article, "attachment", "Old title", 1, lists, old);
        Projections.send(Topics.CONTENT_ARTICLES, article.toString(), lateV1);
        Projections.send(Topics.CONTENT_ARTICLES, article.toString(), lateV1);
        awaitProcessed("catalog", lateEvent);
        assertThat(catalog.assignable(article)).hasValueSatisfying(a -> {
            assertThat(a.version()).isEqualTo(2);
            assertThat(a.title()).isEqualTo("Attachment and Healing, revised");
            assertThat(a.list("list-1")).isEmpty();
            assertThat(a.list("list-2")).isPresent();
        });
        assertThat(jdbc.sql("select count(*) from processed_event where event_id = :id").param("id", lateEvent)
                .query(Integer.class).single()).isEqualTo(1);

        projections.retract(article, 2);
        assertThat(catalog.assignable(article)).isEmpty();
        // A publication of the same version from before the retraction, delivered late, does not bring it back.
        UUID beforeRetraction = UUID.randomUUID();
        Projections.send(Topics.CONTENT_ARTICLES, article.toString(), Projections.articlePublished(beforeRetraction,
                article, "attachment", "Attachment and Healing, revised", 2, lists, old));
        awaitProcessed("catalog", beforeRetraction);
        assertThat(catalog.assignable(article)).isEmpty();
        // A real republication (later) does.
        projections.publishVersion(article, "attachment", "Attachment and Healing, back", 3, lists);
        assertThat(catalog.assignable(article)).isPresent();
    }

    @Test
    void theCaseloadFollowsSequencesAndIgnoresStaleEvents() {
        UUID client = UUID.randomUUID();
        UUID therapist = UUID.randomUUID();
        UUID otherTherapist = UUID.randomUUID();
        UUID caseloadAssignment = UUID.randomUUID();

        sendAccountEvent("AccountInvited", therapist, Api.map("accountId", therapist.toString(),
                "sequence", Projections.nextSequence(therapist), "role", "THERAPIST", "displayName", "Dr. Test",
                "invitedAt", Instant.now().toString()));
        UUID activated = sendAccountEvent("AccountActivated", therapist, Api.map("accountId", therapist.toString(),
                "sequence", Projections.nextSequence(therapist), "role", "THERAPIST", "displayName", "Dr. Test",
                "activatedAt", Instant.now().toString()));
        awaitProcessed("caseload", activated);
        assertThat(caseloads.displayName(therapist)).contains("Dr. Test");
        assertThat(jdbc.sql("select role || '/' || status from account_projection where account_id = :id")
                .param("id", therapist).query(String.class).single()).isEqualTo("THERAPIST/ACTIVE");

        long assignedSequence = Projections.nextSequence(client);
        UUID assigned = sendAccountEvent("CaseloadAssigned", client,
                Projections.caseloadAssignedPayload(client, assignedSequence, therapist, caseloadAssignment));
        awaitProcessed("caseload", assigned);
        assertThat(caseloads.isCurrentTherapist(therapist, client)).isTrue();

        // An event with a sequence already passed (a retried send overtaken by newer ones) is ignored.
        UUID stale = sendAccountEvent("CaseloadAssigned", client,
                Projections.caseloadAssignedPayload(client, assignedSequence, otherTherapist, UUID.randomUUID()));
        awaitProcessed("caseload", stale);
        assertThat(caseloads.currentTherapistOf(client)).contains(therapist);

        // The end of another (older) caseload assignment does not end the current one.
        UUID unrelatedEnd = sendAccountEvent("CaseloadEnded", client, Projections.caseloadEndedPayload(client,
                Projections.nextSequence(client), therapist, UUID.randomUUID(), "REASSIGNED"));
        awaitProcessed("caseload", unrelatedEnd);
        assertThat(caseloads.isCurrentTherapist(therapist, client)).isTrue();

        // A deactivated therapist has no caseload any more.
        UUID deactivated = sendAccountEvent("AccountDeactivated", therapist, Api.map("accountId", therapist.toString(),
                "sequence", Projections.nextSequence(therapist), "role", "THERAPIST", "cause", "ADMIN",
                "deactivatedAt", Instant.now().toString()));
        awaitProcessed("caseload", deactivated);
        assertThat(caseloads.isCurrentTherapist(therapist, client)).isFalse();
        assertThat(caseloads.allClientsOf(therapist)).isEmpty();

        // A type added to the topic later (no sequence, fields unknown) is skipped, not dead-lettered.
        UUID future = sendAccountEvent("AccountEmailVerified", client, Api.map("accountId", client.toString()));
        awaitProcessed("caseload", future);
        assertThat(caseloads.isCurrentTherapist(therapist, client)).isFalse();

        UUID ended = sendAccountEvent("CaseloadEnded", client, Projections.caseloadEndedPayload(client,
                Projections.nextSequence(client), therapist, caseloadAssignment, "UNASSIGNED"));
        awaitProcessed("caseload", ended);
        assertThat(caseloads.currentTherapistOf(client)).isEmpty();
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndTheConsumersCarryOn() {
        try (TopicProbe accountsDlt = TopicProbe.fromNow(Topics.deadLetterOf(Topics.ACCOUNTS));
             TopicProbe articlesDlt = TopicProbe.fromNow(Topics.deadLetterOf(Topics.CONTENT_ARTICLES))) {
            String poisonKey = "poison-" + UUID.randomUUID();
            byte[] notJson = "this is not an event".getBytes(StandardCharsets.UTF_8);
            UUID client = UUID.randomUUID();
            byte[] futureVersion = EventJson.shared().write(new EventEnvelope<>(UUID.randomUUID(), "CaseloadAssigned",
                    Instant.now(), 99, client, Map.of("clientId", client.toString())));
            byte[] missingTherapist = Projections.accountEvent(UUID.randomUUID(), "CaseloadAssigned", client,
                    Api.map("clientId", client.toString(), "sequence", 1, "assignmentId", UUID.randomUUID().toString()));
            Projections.send(Topics.ACCOUNTS, poisonKey, notJson);
            Projections.send(Topics.ACCOUNTS, poisonKey, futureVersion);
            Projections.send(Topics.ACCOUNTS, poisonKey, missingTherapist);
            Projections.send(Topics.CONTENT_ARTICLES, poisonKey, notJson);

            List<ConsumerRecord<String, byte[]>> parked = accountsDlt.awaitRecords(records -> records.stream()
                    .filter(r -> poisonKey.equals(r.key())).count() == 3);
            assertThat(parked.stream().filter(r -> poisonKey.equals(r.key())).map(ConsumerRecord::value))
                    .containsExactlyInAnyOrder(notJson, futureVersion, missingTherapist);
            assertThat(articlesDlt.awaitRecords(records -> records.stream().anyMatch(r -> poisonKey.equals(r.key()))))
                    .anySatisfy(r -> assertThat(r.value()).isEqualTo(notJson));

            // Nothing stuck: later events on both topics are applied.
            projections.assignCaseload(UUID.randomUUID(), UUID.randomUUID());
            assertThat(catalog.assignable(projections.publishArticle("After the poison"))).isPresent();
        }
    }

    @Test
    void replayingBothTopicsFromTheBeginningChangesNothing() {
        // Some history of our own, so the replay has work to do even when this test runs first.
        UUID article = projections.publishArticle("Replay me", new ArticleList("l", List.of("x", "y")));
        projections.publishVersion(article, "replay", "Replay me, v2", 2, List.of());
        projections.retract(article, 2);
        UUID client = UUID.randomUUID();
        projections.assignCaseload(client, UUID.randomUUID());
        projections.assignCaseload(client, UUID.randomUUID());

        Map<String, List<Map<String, Object>>> before = snapshot();
        // The ledger of the two projections replayed here (journal-service has other consumers, not replayed).
        String ledgerOfBoth = "select count(*) from processed_event where consumer in ('caseload', 'catalog')";
        long ledger = jdbc.sql(ledgerOfBoth).query(Long.class).single();

        replayFromTheBeginning();
        assertThat(snapshot()).isEqualTo(before);
        assertThat(jdbc.sql(ledgerOfBoth).query(Long.class).single()).isEqualTo(ledger);

        // Even without the ledger of processed ids (say it was pruned), the version and sequence guards hold.
        jdbc.sql("delete from processed_event where consumer in ('caseload', 'catalog')").update();
        replayFromTheBeginning();
        assertThat(snapshot()).isEqualTo(before);
        // ...and the replay really re-read every event: the ledger is complete again.
        assertThat(jdbc.sql(ledgerOfBoth).query(Long.class).single()).isEqualTo(ledger);
    }

    private Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> tables = new HashMap<>();
        tables.put("catalog_article", jdbc.sql("select * from catalog_article order by article_id").query().listOfRows());
        tables.put("account_projection", jdbc.sql("select * from account_projection order by account_id").query().listOfRows());
        tables.put("caseload", jdbc.sql("select * from caseload order by client_id").query().listOfRows());
        return tables;
    }

    /** Stops both listeners, rewinds their groups to offset 0, restarts them and waits until they caught up. */
    private void replayFromTheBeginning() {
        List<MessageListenerContainer> containers = List.of(
                listeners.getListenerContainer(Projections.CASELOAD_LISTENER),
                listeners.getListenerContainer(Projections.CATALOG_LISTENER));
        containers.forEach(MessageListenerContainer::stop);
        Map<String, String> topicOfGroup = Map.of("journal-service.caseload", Topics.ACCOUNTS,
                "journal-service.catalog", Topics.CONTENT_ARTICLES);
        for (String group : GROUPS) {
            Map<TopicPartition, OffsetAndMetadata> zero = partitions(topicOfGroup.get(group)).stream()
                    .collect(Collectors.toMap(p -> p, p -> new OffsetAndMetadata(0)));
            // The stopped consumer may take a moment to leave the group; the broker refuses the reset until then.
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                admin().alterConsumerGroupOffsets(group, zero).all().get();
                return true;
            });
        }
        containers.forEach(MessageListenerContainer::start);
        containers.forEach(c -> ContainerTestUtils.waitForAssignment(c, TestTopics.PARTITIONS));
        for (String group : GROUPS) {
            Set<TopicPartition> partitions = partitions(topicOfGroup.get(group));
            await().atMost(Duration.ofSeconds(60)).until(() -> caughtUp(group, partitions));
        }
    }

    private boolean caughtUp(String group, Set<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        var ends = admin().listOffsets(latest).all().get();
        return partitions.stream().allMatch(p -> committed.get(p) != null
                && committed.get(p).offset() >= ends.get(p).offset());
    }

    private static Set<TopicPartition> partitions(String topic) {
        try {
            return admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                    .map(info -> new TopicPartition(topic, info.partition())).collect(Collectors.toSet());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(TestBackends.kafkaOperatorProperties());
        }
        return admin;
    }

    private static UUID sendAccountEvent(String type, UUID account, Map<String, Object> payload) {
        UUID eventId = UUID.randomUUID();
        Projections.send(Topics.ACCOUNTS, account.toString(), Projections.accountEvent(eventId, type, account, payload));
        return eventId;
    }

    private void awaitProcessed(String consumer, UUID eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "select count(*) from processed_event where consumer = :c and event_id = :id")
                .param("c", consumer).param("id", eventId).query(Integer.class).single() == 1);
    }
}
