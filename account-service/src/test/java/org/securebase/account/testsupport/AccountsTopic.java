package org.securebase.account.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.securebase.platform.events.EventEnvelope;
import org.securebase.platform.events.EventJson;
import org.securebase.platform.events.Topics;
import org.securebase.platform.test.TestBackends;

import tools.jackson.databind.JsonNode;

/**
 * Reads {@code securebase.accounts.v1} as another service would. Starts at the end of the topic once its
 * partitions are assigned, so a test sees only what happens after it started listening. Not thread-safe: one
 * per test, used from the test thread, closed at the end.
 */
public final class AccountsTopic implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Received> received = new ArrayList<>();

    public AccountsTopic() {
        this(Topics.ACCOUNTS);
    }

    /** A probe of another of account-service's topics ({@code Topics.ACCOUNT_READS}). */
    public AccountsTopic(String topic) {
        Map<String, Object> properties = new java.util.HashMap<>(TestBackends.kafkaOperatorProperties());
        properties.putAll(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "account-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        // Waiting for the assignment (and resolving the positions) before the test acts, or its first records
        // could be skipped by "latest".
        await("partition assignment of " + Topics.ACCOUNTS).atMost(Duration.ofSeconds(60)).until(() -> {
            consumer.poll(Duration.ofMillis(100)).forEach(this::keep);
            return !consumer.assignment().isEmpty();
        });
        consumer.assignment().forEach(consumer::position);
        received.clear();
    }

    /** Polls until {@code count} records with this key have arrived; returns those, in arrival order. */
    public List<Received> awaitRecords(UUID key, int count) {
        await("%d records keyed %s on %s".formatted(count, key, Topics.ACCOUNTS)).atMost(Duration.ofSeconds(60))
                .until(() -> {
                    poll();
                    return recordsFor(key).size() >= count;
                });
        return recordsFor(key);
    }

    /** Polls until a record with this key satisfies the predicate; returns it. */
    public Received awaitRecord(UUID key, Predicate<Received> wanted) {
        await("record keyed %s on %s".formatted(key, Topics.ACCOUNTS)).atMost(Duration.ofSeconds(60))
                .until(() -> {
                    poll();
                    return recordsFor(key).stream().anyMatch(wanted);
                });
        return recordsFor(key).stream().filter(wanted).findFirst().orElseThrow();
    }

    /** Whatever has arrived for this key so far, after one more poll. */
    public List<Received> recordsSoFar(UUID key) {
        poll();
        return recordsFor(key);
    }

    public static Predicate<Received> ofType(String type) {
        return record -> record.envelope().type().equals(type);
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(this::keep);
    }

    private void keep(ConsumerRecord<String, byte[]> record) {
        received.add(new Received(record.key(), record.partition(), record.offset(), record.value(),
                EventJson.shared().readTree(record.value())));
    }

    private List<Received> recordsFor(UUID key) {
        return received.stream().filter(record -> key.toString().equals(record.key())).toList();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    /** One record: its key, where it sat, its raw bytes and its envelope. */
    public record Received(String key, int partition, long offset, byte[] value, EventEnvelope<JsonNode> envelope) {

        public String type() {
            return envelope.type();
        }

        public JsonNode payload() {
            return envelope.payload();
        }

        public String text() {
            return new String(value, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
