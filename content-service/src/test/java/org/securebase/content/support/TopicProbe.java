package org.securebase.content.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.securebase.platform.test.TestBackends;

/**
 * Reads a topic from the test's side. Assigns itself every partition (no consumer group, so no rebalance
 * to wait for), after waiting until the topic exists, and fixes its starting offsets before returning, so
 * anything produced afterwards is seen.
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    private TopicProbe(String bootstrapServers, String topic, boolean fromBeginning) {
        Properties properties = new Properties();
        properties.putAll(testTool(bootstrapServers));
        properties.putAll(Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        consumer = new KafkaConsumer<>(properties);
        List<PartitionInfo> partitions = await("partitions of " + topic).atMost(Duration.ofSeconds(30))
                .until(() -> consumer.partitionsFor(topic, Duration.ofSeconds(5)), list -> list != null && !list.isEmpty());
        List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(assigned);
        if (fromBeginning) {
            consumer.seekToBeginning(assigned);
        } else {
            consumer.seekToEnd(assigned);
        }
        // seekTo* is lazy: resolve the positions now, before the test produces anything.
        assigned.forEach(partition -> consumer.position(partition, Duration.ofSeconds(10)));
    }

    /** Sees only what is written from now on. */
    /**
     * How a test tool connects to {@code bootstrapServers}: as the operator to the shared broker (secured like
     * production), plainly to the restartable one (no SASL listener).
     */
    public static Map<String, Object> testTool(String bootstrapServers) {
        return bootstrapServers.equals(TestBackends.kafkaBootstrapServers())
                ? TestBackends.kafkaOperatorProperties()
                : Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    }

    public static TopicProbe fromNow(String bootstrapServers, String topic) {
        return new TopicProbe(bootstrapServers, topic, false);
    }

    public static TopicProbe fromBeginning(String bootstrapServers, String topic) {
        return new TopicProbe(bootstrapServers, topic, true);
    }

    /** Polls until the records seen so far satisfy {@code condition}; returns all of them. */
    public List<ConsumerRecord<String, byte[]>> awaitRecords(Predicate<List<ConsumerRecord<String, byte[]>>> condition,
                                                             Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return condition.test(seen);
        });
        return List.copyOf(seen);
    }

    public List<ConsumerRecord<String, byte[]>> awaitRecords(Predicate<List<ConsumerRecord<String, byte[]>>> condition) {
        return awaitRecords(condition, Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
