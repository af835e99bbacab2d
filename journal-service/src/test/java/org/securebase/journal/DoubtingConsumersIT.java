package org.securebase.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.journal.caseload.Caseloads;
import org.securebase.journal.support.Api;
import org.securebase.journal.support.Projections;
import org.securebase.journal.support.TopicProbe;
import org.securebase.platform.events.EventEnvelope;
import org.securebase.platform.events.EventJson;
import org.securebase.platform.events.Topics;
import org.securebase.platform.events.consumer.EventRejections;
import org.securebase.platform.events.consumer.IntegrationEventListener;
import org.securebase.platform.events.content.ArticleRetracted;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The consumers doubt what they read and fail closed: a caseload naming someone known to be no therapist, or a
 * sequence that jumps implausibly, is rejected (parked with its reason, counted, not applied), and a failure that is
 * not the record's fault is retried for as long as it lasts instead of being parked after a few tries.
 */
@JournalServiceIntegrationTest
@Import(DoubtingConsumersIT.FlakyConsumer.class)
// A context of its own (for the flaky consumer): its own database and consumer groups, so that it never shares a
// group with the other tests' context, and closed after the class.
@TestPropertySource(properties = {
        "securebase.test.database=journal_doubts",
        "securebase.events.consumer.group-prefix=journal-service-doubts"
})
@DirtiesContext
class DoubtingConsumersIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    Caseloads caseloads;

    @Autowired
    MeterRegistry meters;

    @Autowired
    FlakyConsumer flaky;

    Projections projections;

    @BeforeEach
    void setUp() {
        projections = new Projections(jdbc, listeners);
    }

    @Test
    void aCaseloadNamingAKnownClientAsTherapistIsRejectedAndGrantsNothing() {
        UUID client = UUID.randomUUID();
        UUID otherClient = UUID.randomUUID();
        send("AccountActivated", otherClient, Api.map("accountId", otherClient.toString(),
                "sequence", Projections.nextSequence(otherClient), "role", "CLIENT", "displayName", "Other",
                "activatedAt", Instant.now().toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> role(otherClient).equals("CLIENT"));

        try (TopicProbe dlt = TopicProbe.fromNow(Topics.deadLetterOf(Topics.ACCOUNTS))) {
            UUID forged = send("CaseloadAssigned", client, Projections.caseloadAssignedPayload(client,
                    Projections.nextSequence(client), otherClient, UUID.randomUUID()));

            List<ConsumerRecord<String, byte[]>> parked = dlt.awaitRecords(records -> records.stream()
                    .anyMatch(r -> client.toString().equals(r.key())));
            ConsumerRecord<String, byte[]> copy = parked.stream().filter(r -> client.toString().equals(r.key()))
                    .findFirst().orElseThrow();
            assertThat(new String(copy.headers().lastHeader(EventRejections.REASON_HEADER).value(), StandardCharsets.UTF_8))
                    .isEqualTo("therapist-not-active");
            assertThat(EventJson.shared().readTree(copy.value()).eventId()).isEqualTo(forged);
            assertThat(processed("caseload", forged)).as("decided once, not retried").isTrue();
        }
        assertThat(caseloads.currentTherapistOf(client)).isEmpty();
        assertThat(jdbc.sql("select count(*) from caseload where client_id = :c").param("c", client)
                .query(Long.class).single()).isZero();
        assertThat(meters.counter("securebase.events.rejected", "topic", Topics.ACCOUNTS, "consumer", "caseload",
                "reason", "therapist-not-active").count()).isPositive();
    }

    @Test
    void anImplausibleSequenceIsRejectedAndDoesNotFreezeTheAccount() {
        UUID therapist = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        projections.assignCaseload(client, therapist);

        // Long.MAX_VALUE applied would make every later real event of the therapist look stale.
        UUID forged = send("AccountDeactivated", therapist, Api.map("accountId", therapist.toString(),
                "sequence", Long.MAX_VALUE, "role", "THERAPIST", "cause", "ADMIN", "deactivatedAt", Instant.now().toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> processed("caseload", forged));
        assertThat(caseloads.isCurrentTherapist(therapist, client)).as("the forged deactivation changed nothing").isTrue();

        UUID real = send("AccountDeactivated", therapist, Api.map("accountId", therapist.toString(),
                "sequence", Projections.nextSequence(therapist), "role", "THERAPIST", "cause", "ADMIN",
                "deactivatedAt", Instant.now().toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> processed("caseload", real));
        assertThat(caseloads.isCurrentTherapist(therapist, client)).as("the real one still applies").isFalse();
        assertThat(meters.counter("securebase.events.rejected", "topic", Topics.ACCOUNTS, "consumer", "caseload",
                "reason", "implausible-sequence").count()).isPositive();
    }

    @Test
    void aFailureThatIsNotTheRecordsFaultIsRetriedUntilItPassesAndNothingIsParked() {
        // An article no catalog knows: only the probe does anything with its retraction.
        UUID article = UUID.randomUUID();
        flaky.failFirst(article, 8);
        try (TopicProbe dlt = TopicProbe.fromNow(Topics.deadLetterOf(Topics.CONTENT_ARTICLES))) {
            var retracted = new ArticleRetracted(article, "never-published", 1, Instant.now());
            UUID eventId = UUID.randomUUID();
            Projections.send(Topics.CONTENT_ARTICLES, article.toString(), EventJson.shared().write(
                    new EventEnvelope<>(eventId, "ArticleRetracted", Instant.now(), 1, article, retracted)));

            await().atMost(Duration.ofSeconds(90)).until(() -> flaky.applied(article));
            assertThat(flaky.attempts(article)).as("more tries than any fixed retry count would give").isEqualTo(9);
            assertThat(processed("flaky-probe", eventId)).isTrue();
            assertThat(dlt.records()).noneMatch(r -> article.toString().equals(r.key()));
        }
    }

    private UUID send(String type, UUID account, java.util.Map<String, Object> payload) {
        UUID eventId = UUID.randomUUID();
        Projections.send(Topics.ACCOUNTS, account.toString(), Projections.accountEvent(eventId, type, account, payload));
        return eventId;
    }

    private boolean processed(String consumer, UUID eventId) {
        return jdbc.sql("select count(*) from processed_event where consumer = :c and event_id = :id")
                .param("c", consumer).param("id", eventId).query(Integer.class).single() == 1;
    }

    private String role(UUID account) {
        return jdbc.sql("select coalesce(role, '') from account_projection where account_id = :id").param("id", account)
                .query(String.class).optional().orElse("");
    }

    /** A consumer of the kit whose database "fails" the first times it applies an event, like a failover. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FlakyConsumer {

        private final java.util.Map<UUID, AtomicInteger> attempts = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.Map<UUID, Integer> failures = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.Set<UUID> applied = java.util.concurrent.ConcurrentHashMap.newKeySet();

        void failFirst(UUID article, int times) {
            failures.put(article, times);
        }

        @IntegrationEventListener(consumer = "flaky-probe")
        void on(ArticleRetracted retracted) {
            Integer failFirst = failures.get(retracted.articleId());
            if (failFirst == null) {
                return;
            }
            int attempt = attempts.computeIfAbsent(retracted.articleId(), id -> new AtomicInteger()).incrementAndGet();
            if (attempt <= failFirst) {
                throw new TransientDataAccessResourceException("database failing over (attempt " + attempt + ")");
            }
            applied.add(retracted.articleId());
        }

        boolean applied(UUID assignment) {
            return applied.contains(assignment);
        }

        int attempts(UUID assignment) {
            return attempts.getOrDefault(assignment, new AtomicInteger()).get();
        }
    }
}
