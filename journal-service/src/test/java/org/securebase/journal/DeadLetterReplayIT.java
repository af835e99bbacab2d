package org.securebase.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.journal.caseload.Caseloads;
import org.securebase.journal.support.Projections;
import org.securebase.journal.support.TopicProbe;
import org.securebase.platform.events.EventEnvelope;
import org.securebase.platform.events.EventJson;
import org.securebase.platform.events.Topics;
import org.securebase.platform.events.consumer.DeadLetters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Parked events are listed and replayed per consumer, through the same listener methods, idempotently: a record
 * parked because this service did not know its schema version fails again until the service does, and applies once
 * it does; a second replay changes nothing; a rejection (a decision) and another consumer group's records are listed
 * or left, never applied.
 */
@JournalServiceIntegrationTest
// Its own database and consumer groups: the replay reads every record its groups parked, and only this test's.
@TestPropertySource(properties = {
        "securebase.test.database=journal_dead_letters",
        "securebase.events.consumer.group-prefix=journal-service-deadletters",
        "management.server.port=0"
})
@DirtiesContext
class DeadLetterReplayIT {

    private static final String GROUP = "journal-service-deadletters.caseload";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    Caseloads caseloads;

    @Autowired
    DeadLetters deadLetters;

    @LocalManagementPort
    int managementPort;

    Projections projections;

    @BeforeEach
    void setUp() {
        projections = new Projections(jdbc, listeners);
    }

    @Test
    void aRecordParkedForItsUnknownSchemaIsReplayedOnceTheServiceKnowsIt() throws Exception {
        UUID therapist = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        projections.activeTherapist(therapist);
        UUID eventId = UUID.randomUUID();
        java.util.Map<String, Object> payload = Projections.caseloadAssignedPayload(client,
                Projections.nextSequence(client), therapist, UUID.randomUUID());

        ConsumerRecord<String, byte[]> parked;
        try (TopicProbe dlt = TopicProbe.fromNow(Topics.deadLetterOf(Topics.ACCOUNTS))) {
            // A producer a version ahead: schema version 2 of CaseloadAssigned, which this service does not know.
            Projections.send(Topics.ACCOUNTS, client.toString(), EventJson.shared().write(
                    new EventEnvelope<>(eventId, "CaseloadAssigned", Projections.now(), 2, client, payload)));
            parked = dlt.awaitRecords(records -> records.stream().anyMatch(r -> client.toString().equals(r.key())))
                    .stream().filter(r -> client.toString().equals(r.key())).findFirst().orElseThrow();
        }
        assertThat(header(parked, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)).isEqualTo(GROUP);
        assertThat(caseloads.currentTherapistOf(client)).isEmpty();

        DeadLetters.Inventory inventory = caseloadInventory();
        assertThat(inventory.group()).isEqualTo(GROUP);
        assertThat(inventory.perReason()).containsKey("unknown-schema-version");
        assertThat(inventory.newest()).anySatisfy(p -> {
            assertThat(p.at()).isEqualTo(parked.topic() + "-" + parked.partition() + "@" + parked.offset());
            assertThat(p.original()).startsWith(Topics.ACCOUNTS + "-");
            assertThat(p.replayable()).isTrue();
        });

        DeadLetters.Replay stillUnknown = deadLetters.replay("caseload");
        assertThat(stillUnknown.failedAgain()).anySatisfy(f -> assertThat(f)
                .startsWith(parked.topic() + "-" + parked.partition() + "@" + parked.offset()).endsWith("unknown-schema-version"));
        assertThat(caseloads.currentTherapistOf(client)).as("still not applied").isEmpty();

        // The service cannot be upgraded inside a test: a parked copy in the schema version it knows, with the
        // headers the dead-letter policy wrote, stands for the same record read by the upgraded service.
        ProducerRecord<String, byte[]> known = new ProducerRecord<>(parked.topic(), parked.key(), EventJson.shared().write(
                new EventEnvelope<>(eventId, "CaseloadAssigned", Projections.now(), 1, client, payload)));
        for (Header header : parked.headers()) {
            known.headers().add(header);
        }
        Projections.producer().send(known).get();

        DeadLetters.Replay replay = deadLetters.replay("caseload");
        assertThat(replay.delivered()).isPositive();
        assertThat(caseloads.currentTherapistOf(client)).contains(therapist);
        assertThat(processed(eventId)).isTrue();

        DeadLetters.Replay again = deadLetters.replay("caseload");
        assertThat(again.delivered()).isEqualTo(replay.delivered());
        assertThat(jdbc.sql("select count(*) from caseload where client_id = :c").param("c", client).query(Long.class)
                .single()).as("applied once, whatever the number of replays").isEqualTo(1);
    }

    @Test
    void anotherGroupsRecordsAndRejectionsAreNeverApplied() throws Exception {
        UUID therapist = UUID.randomUUID();
        projections.activeTherapist(therapist);

        // Parked by content-service's consumer of the same topic: not this consumer's to replay.
        UUID othersClient = UUID.randomUUID();
        ProducerRecord<String, byte[]> others = new ProducerRecord<>(Topics.deadLetterOf(Topics.ACCOUNTS),
                othersClient.toString(), Projections.accountEvent(UUID.randomUUID(), "CaseloadAssigned", othersClient,
                Projections.caseloadAssignedPayload(othersClient, Projections.nextSequence(othersClient), therapist,
                        UUID.randomUUID())));
        others.headers().add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, "content-service.accounts".getBytes(StandardCharsets.UTF_8));
        others.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, Topics.ACCOUNTS.getBytes(StandardCharsets.UTF_8));
        others.headers().add(KafkaHeaders.DLT_ORIGINAL_PARTITION, java.nio.ByteBuffer.allocate(4).putInt(0).array());
        others.headers().add(KafkaHeaders.DLT_ORIGINAL_OFFSET, java.nio.ByteBuffer.allocate(8).putLong(0).array());
        Projections.producer().send(others).get();

        // A caseload naming a known client as its therapist: rejected by the projection, a decision.
        UUID client = UUID.randomUUID();
        UUID otherClient = UUID.randomUUID();
        Projections.send(Topics.ACCOUNTS, otherClient.toString(), Projections.accountEvent(UUID.randomUUID(),
                "AccountActivated", otherClient, java.util.Map.of("accountId", otherClient.toString(), "sequence",
                        Projections.nextSequence(otherClient), "role", "CLIENT", "displayName", "Other",
                        "activatedAt", Projections.now().toString())));
        try (TopicProbe dlt = TopicProbe.fromNow(Topics.deadLetterOf(Topics.ACCOUNTS))) {
            Projections.send(Topics.ACCOUNTS, client.toString(), Projections.accountEvent(UUID.randomUUID(),
                    "CaseloadAssigned", client, Projections.caseloadAssignedPayload(client,
                            Projections.nextSequence(client), otherClient, UUID.randomUUID())));
            dlt.awaitRecords(records -> records.stream().anyMatch(r -> client.toString().equals(r.key())));
        }

        assertThat(caseloadInventory().newest()).anySatisfy(p -> {
            assertThat(p.reason()).isEqualTo("therapist-not-active");
            assertThat(p.replayable()).isFalse();
            assertThat(p.original()).startsWith(Topics.ACCOUNTS + "-");
        });
        deadLetters.replay("caseload");
        assertThat(caseloads.currentTherapistOf(othersClient)).isEmpty();
        assertThat(caseloads.currentTherapistOf(client)).isEmpty();
    }

    @Test
    void theManagementEndpointListsAndReplaysAndRefusesAnUnknownConsumer() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI endpoint = URI.create("http://localhost:" + managementPort + "/actuator/deadletters");

        HttpResponse<String> listed = http.send(HttpRequest.newBuilder(endpoint).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"consumer\":\"caseload\"", "\"consumer\":\"catalog\"");

        HttpResponse<String> replayed = http.send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"consumer\":\"caseload\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(replayed.body()).contains("\"consumer\":\"caseload\"").contains("\"delivered\"");

        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"consumer\":\"nobody\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(400);
    }

    private DeadLetters.Inventory caseloadInventory() {
        List<DeadLetters.Inventory> inventory = deadLetters.inventory();
        return inventory.stream().filter(i -> i.consumer().equals("caseload")).findFirst().orElseThrow();
    }

    private boolean processed(UUID eventId) {
        return jdbc.sql("select count(*) from processed_event where consumer = 'caseload' and event_id = :id")
                .param("id", eventId).query(Integer.class).single() == 1;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
