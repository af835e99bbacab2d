package org.securebase.journal.caseload;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.securebase.platform.events.EventEnvelope;
import org.securebase.platform.events.EventJson;
import org.securebase.platform.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/** Feeds the caseload projection from {@code securebase.accounts.v1}. */
@Component
class AccountEventsListener {

    static final String ID = "journal-service.caseload";

    private final CaseloadProjection projection;
    private final EventJson json = EventJson.shared();

    AccountEventsListener(CaseloadProjection projection) {
        this.projection = projection;
    }

    // Listener id = consumer group: a new database (a fresh projection) needs a new group to replay from the start.
    @KafkaListener(id = ID, groupId = "${securebase.journal.consumer.group-prefix:journal-service}.caseload",
            topics = Topics.ACCOUNTS)
    void on(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<JsonNode> envelope = json.readTree(record.value());
        projection.apply(AccountEvent.from(envelope));
    }
}
