package org.securebase.journal.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.securebase.platform.embedded.ConsumerLag;
import org.securebase.platform.events.EventEnvelope;
import org.securebase.platform.events.EventJson;
import org.securebase.platform.events.PartitionKeys;
import org.securebase.platform.events.Topics;
import org.securebase.platform.events.accounts.AccountsHeartbeat;
import org.securebase.platform.events.content.ArticlePublished;
import org.securebase.platform.events.content.ArticleRetracted;
import org.securebase.platform.test.TestBackends;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.utils.ContainerTestUtils;

/**
 * Feeds the projections the way production does: events on the real topics, in the wire shape of content-service
 * and account-service, then waits until the projection shows them. Waits for the listeners' partition assignment
 * first, so nothing sent is missed and nothing sleeps.
 */
public final class Projections {

    public static final String CASELOAD_LISTENER = "journal-service.caseload";
    public static final String CATALOG_LISTENER = "journal-service.catalog";

    private static final Map<UUID, AtomicLong> SEQUENCES = new ConcurrentHashMap<>();
    private static KafkaProducer<String, byte[]> producer;
    /** Containers known to have read their topics to the end once (each new context brings new ones). */
    private static final java.util.Set<MessageListenerContainer> CAUGHT_UP =
            java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());
    private static java.util.concurrent.ScheduledExecutorService heartbeats;

    private final JdbcClient jdbc;

    public Projections(JdbcClient jdbc, KafkaListenerEndpointRegistry registry) {
        this.jdbc = jdbc;
        for (String id : List.of(CASELOAD_LISTENER, CATALOG_LISTENER)) {
            MessageListenerContainer container = registry.getListenerContainer(id);
            ContainerTestUtils.waitForAssignment(container, TestTopics.PARTITIONS);
            awaitCaughtUp(container);
        }
        heartbeats();
    }

    /**
     * Waits once per listener container until its group has read what its topics held when it was asked. A test class
     * with a consumer group of its own reads the shared topics from their beginning, so until then the projection shows
     * what earlier classes did, half replayed: a caseload that a later event ends, for example.
     */
    private static void awaitCaughtUp(MessageListenerContainer container) {
        synchronized (CAUGHT_UP) {
            if (CAUGHT_UP.contains(container)) {
                return;
            }
        }
        String group = container.getGroupId();
        ConsumerLag lag = new ConsumerLag(TestBackends.kafkaOperatorProperties());
        await(group + " read its topics to the end").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> Arrays.stream(container.getContainerProperties().getTopics())
                        .allMatch(topic -> lagOf(lag, group, topic) == 0));
        synchronized (CAUGHT_UP) {
            CAUGHT_UP.add(container);
        }
    }

    private static long lagOf(ConsumerLag lag, String group, String topic) {
        try {
            return lag.lagOf(group, topic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not ask the broker how far " + group + " has read", e);
        }
    }

    /**
     * account-service's heartbeats, as it sends them every few seconds: one to each partition of the accounts topic,
     * saying everything up to now was delivered, every 5 s for the rest of the test JVM, as account-service does.
     * Without them journal-service refuses therapists (ADR 0016).
     */
    public void heartbeats() {
        startHeartbeats();
        await().atMost(Duration.ofSeconds(30)).until(() -> reportedPartitions() >= TestTopics.PARTITIONS);
    }

    private static synchronized void startHeartbeats() {
        if (heartbeats == null) {
            heartbeats = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "test-accounts-heartbeats");
                thread.setDaemon(true);
                return thread;
            });
            heartbeats.scheduleWithFixedDelay(() -> {
                try {
                    sendHeartbeats(now());
                } catch (RuntimeException e) {
                    // The broker may be away for a moment; the next round says it all again.
                }
            }, 0, 5, TimeUnit.SECONDS);
        }
    }

    /** One round of heartbeats saying everything up to {@code caughtUpUntil} was delivered, and waits until applied. */
    public void heartbeatsUntil(Instant caughtUpUntil) {
        sendHeartbeats(caughtUpUntil);
        Instant expected = caughtUpUntil.truncatedTo(ChronoUnit.MICROS);
        await().atMost(Duration.ofSeconds(30)).until(() -> reportedPartitions() >= TestTopics.PARTITIONS
                && !jdbc.sql("select min(caught_up_until) from caseload_watermark").query(java.sql.Timestamp.class)
                .single().toInstant().isBefore(expected));
    }

    /** One round of heartbeats saying everything up to {@code caughtUpUntil} was delivered (waits for nothing). */
    public static void sendHeartbeats(Instant caughtUpUntil) {
        Instant now = caughtUpUntil.truncatedTo(ChronoUnit.MICROS);
        for (int partition = 0; partition < TestTopics.PARTITIONS; partition++) {
            UUID key = PartitionKeys.keyFor("accounts-heartbeat", partition, TestTopics.PARTITIONS);
            var heartbeat = new AccountsHeartbeat(key, partition, TestTopics.PARTITIONS, now, now);
            send(Topics.ACCOUNTS, key.toString(), EventJson.shared().write(
                    new EventEnvelope<>(UUID.randomUUID(), "AccountsHeartbeat", now, 1, key, heartbeat)));
        }
    }

    private int reportedPartitions() {
        return jdbc.sql("select count(*) from caseload_watermark").query(Integer.class).single();
    }

    public static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties properties = new Properties();
            // As the operator: the tests play content-service and account-service, whose topics journal-service
            // itself may not write.
            properties.putAll(TestBackends.kafkaOperatorProperties());
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    public static void send(String topic, String key, byte[] value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    // ---- content-service's articles ----

    /** A list of an article version, for checklist prompts. */
    public record ArticleList(String id, List<String> itemIds) {
    }

    public static byte[] articlePublished(UUID eventId, UUID articleId, String slug, String title, int version,
                                          List<ArticleList> lists, Instant at) {
        ArticlePublished payload = new ArticlePublished(articleId, slug, title, "A summary", version, List.of("test"),
                List.of(new ArticlePublished.Section("intro", null, lists.stream()
                        .map(list -> new ArticlePublished.ListRef(list.id(), list.itemIds())).toList())), at);
        return EventJson.shared().write(new EventEnvelope<>(eventId, "ArticlePublished", at,
                1, articleId, payload));
    }

    public static byte[] articleRetracted(UUID eventId, UUID articleId, String slug, int version, Instant at) {
        return EventJson.shared().write(new EventEnvelope<>(eventId, "ArticleRetracted", at,
                1, articleId, new ArticleRetracted(articleId, slug, version, at)));
    }

    /** Publishes the article (a new id) in version 1 with one three-item list, and waits until it is assignable. */
    public UUID publishArticle(String title, ArticleList... lists) {
        UUID articleId = UUID.randomUUID();
        publishVersion(articleId, "slug-" + articleId.toString().substring(0, 8), title, 1, List.of(lists));
        return articleId;
    }

    public void publishVersion(UUID articleId, String slug, String title, int version, List<ArticleList> lists) {
        send(Topics.CONTENT_ARTICLES, articleId.toString(),
                articlePublished(UUID.randomUUID(), articleId, slug, title, version, lists, now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "select count(*) from catalog_article where article_id = :id and current_version = :v and status = 'PUBLISHED'")
                .param("id", articleId).param("v", version).query(Integer.class).single() == 1);
    }

    public void retract(UUID articleId, int version) {
        send(Topics.CONTENT_ARTICLES, articleId.toString(),
                articleRetracted(UUID.randomUUID(), articleId, "retracted", version, now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "select status from catalog_article where article_id = :id")
                .param("id", articleId).query(String.class).single().equals("RETRACTED"));
    }

    // ---- account-service's accounts and caseloads (its wire shape; see journal-service README) ----

    /** The next {@code sequence} of an account: one higher with each event keyed by it, as account-service counts. */
    public static long nextSequence(UUID account) {
        return SEQUENCES.computeIfAbsent(account, id -> new AtomicLong()).incrementAndGet();
    }

    public static byte[] accountEvent(UUID eventId, String type, UUID account, Map<String, Object> payload) {
        return EventJson.shared().write(new EventEnvelope<>(eventId, type, now(), 1, account, payload));
    }

    public static Map<String, Object> caseloadAssignedPayload(UUID client, long sequence, UUID therapist,
                                                              UUID caseloadAssignment) {
        return Api.map("clientId", client.toString(), "sequence", sequence, "therapistId", therapist.toString(),
                "assignmentId", caseloadAssignment.toString(), "assignedAt", now().toString());
    }

    public static Map<String, Object> caseloadEndedPayload(UUID client, long sequence, UUID therapist,
                                                           UUID caseloadAssignment, String reason) {
        return Api.map("clientId", client.toString(), "sequence", sequence, "therapistId", therapist.toString(),
                "assignmentId", caseloadAssignment.toString(), "reason", reason, "endedAt", now().toString());
    }

    /** Puts the client on the therapist's caseload (ending any previous one, as account-service does) and waits. */
    public void assignCaseload(UUID client, UUID therapist) {
        activeTherapist(therapist);
        currentCaseloadAssignment(client).ifPresent(previous -> endCaseload(client));
        UUID caseloadAssignment = UUID.randomUUID();
        send(Topics.ACCOUNTS, client.toString(), accountEvent(UUID.randomUUID(), "CaseloadAssigned", client,
                caseloadAssignedPayload(client, nextSequence(client), therapist, caseloadAssignment)));
        await().atMost(Duration.ofSeconds(30)).until(() -> currentCaseloadAssignment(client)
                .filter(caseloadAssignment::equals).isPresent());
    }

    /**
     * account-service assigns clients only to active therapists, whose AccountActivated came first; the projection
     * grants a caseload only to an account it knows as one. Sends it for a therapist the projection does not know yet.
     */
    public void activeTherapist(UUID therapist) {
        if (isActiveTherapist(therapist)) {
            return;
        }
        send(Topics.ACCOUNTS, therapist.toString(), accountEvent(UUID.randomUUID(), "AccountActivated", therapist,
                Api.map("accountId", therapist.toString(), "sequence", nextSequence(therapist), "role", "THERAPIST",
                        "displayName", "Therapist " + therapist.toString().substring(0, 8), "activatedAt", now().toString())));
        await().atMost(Duration.ofSeconds(30)).until(() -> isActiveTherapist(therapist));
    }

    private boolean isActiveTherapist(UUID account) {
        return jdbc.sql("select exists(select 1 from account_projection where account_id = :id and role = 'THERAPIST' "
                + "and status = 'ACTIVE')").param("id", account).query(Boolean.class).single();
    }

    /** Ends the client's current caseload, if any, and waits until the projection dropped it. */
    public void endCaseload(UUID client) {
        UUID current = currentCaseloadAssignment(client).orElse(null);
        if (current == null) {
            return;
        }
        UUID therapist = jdbc.sql("select therapist_id from caseload where client_id = :c").param("c", client)
                .query(UUID.class).single();
        send(Topics.ACCOUNTS, client.toString(), accountEvent(UUID.randomUUID(), "CaseloadEnded", client,
                caseloadEndedPayload(client, nextSequence(client), therapist, current, "UNASSIGNED")));
        await().atMost(Duration.ofSeconds(30)).until(() -> currentCaseloadAssignment(client).isEmpty());
    }

    /** The demo pair and the other pair on each other's caseloads, unless already so. */
    public void standardCaseloads() {
        if (!therapistOf(People.CLIENT.id()).filter(People.THERAPIST.id()::equals).isPresent()) {
            assignCaseload(People.CLIENT.id(), People.THERAPIST.id());
        }
        if (!therapistOf(People.OTHER_CLIENT.id()).filter(People.OTHER_THERAPIST.id()::equals).isPresent()) {
            assignCaseload(People.OTHER_CLIENT.id(), People.OTHER_THERAPIST.id());
        }
    }

    public java.util.Optional<UUID> therapistOf(UUID client) {
        return jdbc.sql("select therapist_id from caseload where client_id = :c").param("c", client)
                .query(UUID.class).optional();
    }

    private java.util.Optional<UUID> currentCaseloadAssignment(UUID client) {
        return jdbc.sql("select caseload_assignment_id from caseload where client_id = :c").param("c", client)
                .query(UUID.class).optional();
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
