package org.securebase.platform.embedded;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedKafkaServerIT {

    private static final String TOPIC = "restart-test";

    @TempDir
    Path data;

    @Test
    void recordsAndCommittedOffsetsSurviveARestartOnTheSameAddress() throws Exception {
        try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(data.resolve("kafka"), "operator-secret")) {
            kafka.grant(Map.of(), List.of(), List.of(new NewTopic(TOPIC, 1, (short) 1)));
            Map<String, Object> operator = kafka.operatorClientProperties();
            String address = kafka.bootstrapServers();
            send(operator, "before-restart-1", "before-restart-2");
            assertThat(readAll(operator, "reader", 2)).containsExactly("before-restart-1", "before-restart-2");

            kafka.restart();

            assertThat(kafka.bootstrapServers()).isEqualTo(address);
            send(operator, "after-restart");
            // The group's committed offset survived: it reads only what came after.
            assertThat(readAll(operator, "reader", 1)).containsExactly("after-restart");
            assertThat(readAll(operator, "new-reader", 3))
                    .containsExactly("before-restart-1", "before-restart-2", "after-restart");
        }
    }

    @Test
    void aStopAndAStartOnTheSameFolderKeepTheRecordsUsersAndAcls() throws Exception {
        Path folder = data.resolve("kept");
        try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(folder, "operator-secret")) {
            kafka.grant(Map.of("writer", "writer-secret"), List.of(allow("writer", AclOperation.WRITE)),
                    List.of(new NewTopic(TOPIC, 1, (short) 1)));
            send(kafka.clientProperties("writer", "writer-secret"), "kept");
        }
        try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(folder, "operator-secret")) {
            send(kafka.clientProperties("writer", "writer-secret"), "written after the restart");
            assertThat(readAll(kafka.operatorClientProperties(), "later", 2))
                    .containsExactly("kept", "written after the restart");
        }
    }

    @Test
    void onlyAuthenticatedClientsConnectAndOnlyWhatAnAclGrantsIsAllowed() {
        try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start()) {
            kafka.grant(Map.of("writer", "writer-secret", "stranger", "stranger-secret"),
                    List.of(allow("writer", AclOperation.WRITE)), List.of(new NewTopic(TOPIC, 1, (short) 1)));

            Map<String, Object> anonymous = new HashMap<>(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers(), CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                    "default.api.timeout.ms", 5000));
            try (Admin admin = Admin.create(anonymous)) {
                assertThatThrownBy(() -> admin.listTopics().names().get())
                        .as("a client without SASL gets no answer").isInstanceOf(Exception.class);
            }
            assertThatThrownBy(() -> send(kafka.clientProperties("writer", "wrong-password"), "x"))
                    .hasRootCauseInstanceOf(SaslAuthenticationException.class);
            assertThatThrownBy(() -> send(kafka.clientProperties("stranger", "stranger-secret"), "x"))
                    .as("authenticated, but no ACL").hasRootCauseInstanceOf(TopicAuthorizationException.class);
            assertThatCode(() -> send(kafka.clientProperties("writer", "writer-secret"), "x"))
                    .as("the granted user writes").doesNotThrowAnyException();
        }
    }

    private static AclBinding allow(String user, AclOperation operation) {
        return new AclBinding(new ResourcePattern(ResourceType.TOPIC, TOPIC, PatternType.LITERAL),
                new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }

    private static void send(Map<String, Object> client, String... values) throws Exception {
        Map<String, Object> properties = new HashMap<>(client);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(TOPIC, 0, "key", value)).get();
            }
        }
    }

    /** Reads until {@code expected} records arrived (or 60 s passed) and commits what it read. */
    private static List<String> readAll(Map<String, Object> client, String group, int expected) {
        List<String> values = new ArrayList<>();
        Map<String, Object> properties = new HashMap<>(client);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
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
