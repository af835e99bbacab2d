package org.securebase.content.pinning;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.securebase.platform.events.EventEnvelope;
import org.securebase.platform.events.EventJson;
import org.securebase.platform.events.Topics;
import org.securebase.platform.events.journal.AssignmentCreated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * Feeds {@code pinned_reading} from journal-service's assignment events. Other event types on the topic
 * are none of this service's business and are skipped; a record that is not a readable envelope, or an
 * {@code AssignmentCreated} in a schema version this code does not know, throws and so ends up in the
 * dead-letter topic (see {@link PinningConsumerConfiguration}).
 */
@Component
class AssignmentEventsListener {

    static final String GROUP = "content-service.pinned-readings";

    private static final Logger log = LoggerFactory.getLogger(AssignmentEventsListener.class);

    private final JdbcPinnedReadings pins;
    private final EventJson json = EventJson.shared();

    AssignmentEventsListener(JdbcPinnedReadings pins) {
        this.pins = pins;
    }

    @KafkaListener(id = GROUP, groupId = GROUP, topics = Topics.JOURNAL_ASSIGNMENTS)
    void on(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<JsonNode> envelope = json.readTree(record.value());
        if (!envelope.type().equals(AssignmentCreated.TYPE)) {
            return;
        }
        if (envelope.schemaVersion() > AssignmentCreated.SCHEMA_VERSION) {
            throw new UnknownSchemaVersionException(envelope.type(), envelope.schemaVersion());
        }
        AssignmentCreated created = json.payload(envelope, AssignmentCreated.class);
        boolean added = pins.pin(created.assignmentId(), created.clientId(), created.articleId(),
                created.articleVersion(), envelope.occurredAt());
        log.debug("Assignment {} {} article {} version {}", created.assignmentId(),
                added ? "pins" : "already pinned", created.articleId(), created.articleVersion());
    }

    static class UnknownSchemaVersionException extends RuntimeException {

        UnknownSchemaVersionException(String type, int version) {
            super(type + " schema version " + version + " is newer than this service understands");
        }
    }
}
