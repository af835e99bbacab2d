package org.securebase.platform.embedded;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedKafkaServerIT {

    @TempDir
    Path data;

    @Test
    void recordsAndCommittedOffsetsSurviveARestartOnTheSameAddress() throws Exception {
        try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(data.resolve("kafka"))) {
            String address = kafka.bootstrapServers();
            send(address, "before-restart-1", "before-restart-2");
            assertThat(readAll(address, "reader", 2)).containsExactly("before-restart-1", "before-restart-2");

            kafka.restart();

            assertThat(kafka.bootstrapServers()).isEqualTo(address);
            send(address, "after-restart");
            // The group's committed offset survived: it reads only what came after.
            assertThat(readAll(address, "reader", 1)).containsExactly("after-restart");
            assertThat(readAll(address, "new-reader", 3))
                    .containsExactly("before-restart-1", "before-restart-2", "after-restart");
        }
    }

    @Test
    void aStopAndAStartOnTheSameFolderKeepTheRecords() throws Exception {
        Path folder = data.resolve("kept");
        try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(folder)) {
            send(kafka.bootstrapServers(), "kept");
        }
        try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(folder)) {
            assertThat(readAll(kafka.bootstrapServers(), "later", 1)).containsExactly("kept");
        }
    }

    private static void send(String bootstrap, String... values) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>("restart-test", 0, "key", value)).get();
            }
        }
    }

    /** Reads until {@code expected} records arrived (or 60 s passed) and commits what it read. */
    private static List<String> readAll(String bootstrap, String group, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("restart-test"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                    consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1)));
                }
            }
        }
        return values;
    }
}
