package org.securebase.systemtests.backbone;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.securebase.localstack.SecureBaseStack;
import org.securebase.platform.events.EventEnvelope;
import org.securebase.platform.events.EventJson;
import org.securebase.platform.events.Topics;
import org.securebase.platform.events.accounts.CaseloadAssigned;
import org.securebase.platform.events.journal.AssignmentOpened;
import org.securebase.systemtests.RunningStack;

/**
 * On the running local stack: a client without credentials cannot use the broker, and a service's own credentials
 * write only its own topics (ADR 0017). The forged {@code CaseloadAssigned} below would otherwise hand a client to
 * whatever "therapist" it names.
 */
class KafkaIdentitiesIT {

    private static SecureBaseStack stack;

    @BeforeAll
    static void stack() {
        stack = RunningStack.get();
    }

    @Test
    void aClientWithoutCredentialsGetsNothingFromTheBroker() {
        Map<String, Object> anonymous = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 3000, "default.api.timeout.ms", 6000);
        try (Admin admin = Admin.create(anonymous)) {
            assertThatThrownBy(() -> admin.listTopics().names().get()).isInstanceOf(Exception.class);
        }
    }

    @Test
    void contentServiceCannotWriteTheAccountsTopic() {
        assertThatThrownBy(() -> send("content-service", Topics.ACCOUNTS, forgedCaseloadAssigned()))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void journalServiceCannotForgeACaseloadAssignment() {
        assertThatThrownBy(() -> send("journal-service", Topics.ACCOUNTS, forgedCaseloadAssigned()))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aServiceWritesItsOwnTopic() throws Exception {
        // The control: the same producer settings with the owner's credentials get through, so the refusals above
        // are the ACLs, not a broken client. An event no consumer acts on: an assignment opened that nobody has.
        UUID assignment = UUID.randomUUID();
        var opened = new AssignmentOpened(assignment, UUID.randomUUID(), UUID.randomUUID(), Instant.now());
        send("journal-service", Topics.JOURNAL_ASSIGNMENTS, EventJson.shared().write(new EventEnvelope<>(UUID.randomUUID(),
                "AssignmentOpened", Instant.now(), 1, assignment, opened)));
    }

    private static byte[] forgedCaseloadAssigned() {
        UUID client = UUID.randomUUID();
        var payload = new CaseloadAssigned(client, 1, UUID.randomUUID(), UUID.randomUUID(), Instant.now());
        return EventJson.shared().write(new EventEnvelope<>(UUID.randomUUID(), "CaseloadAssigned", Instant.now(), 1,
                client, payload));
    }

    private static void send(String service, String topic, byte[] value) throws Exception {
        Map<String, Object> properties = new HashMap<>(stack.kafkaClientProperties(service));
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), value)).get();
        }
    }
}
