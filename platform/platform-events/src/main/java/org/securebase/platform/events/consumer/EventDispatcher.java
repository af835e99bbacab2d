package org.securebase.platform.events.consumer;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.securebase.platform.events.EventContracts;
import org.securebase.platform.events.EventEnvelope;
import org.securebase.platform.events.EventJson;
import org.securebase.platform.events.EventPayload;
import org.securebase.platform.events.MalformedEventException;
import org.securebase.platform.events.UnknownSchemaVersionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ReflectionUtils;

import tools.jackson.databind.JsonNode;

/**
 * One consumer's Kafka listener: reads each record as an envelope, finds the method that takes its type, maps the
 * payload to that method's record and calls it in a transaction with the ledger entry. Everything that makes a
 * record unusable whatever the retries (not an envelope, a payload of the wrong shape, a payload naming another
 * aggregate than its envelope, a newer schema version) throws {@link MalformedEventException} or
 * {@link UnknownSchemaVersionException}, which the dead-letter policy parks at once.
 */
public final class EventDispatcher {

    /** A listener method and the bean it is called on. */
    record Handler(Object bean, Method method, boolean wantsMetadata) {

        void invoke(EventPayload payload, EventMetadata metadata) {
            try {
                if (wantsMetadata) {
                    method.invoke(bean, payload, metadata);
                } else {
                    method.invoke(bean, payload);
                }
            } catch (InvocationTargetException e) {
                ReflectionUtils.rethrowRuntimeException(e.getTargetException());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static final Method ON_RECORD = ReflectionUtils.findMethod(EventDispatcher.class, "onRecord", ConsumerRecord.class);

    private final String consumer;
    private final Map<EventContracts.Contract, Handler> handlers;
    private final EventContracts contracts;
    private final EventJson json;
    private final ProcessedEvents ledger;
    private final TransactionTemplate transactions;

    EventDispatcher(String consumer, Map<EventContracts.Contract, Handler> handlers, EventContracts contracts,
                    EventJson json, ProcessedEvents ledger, TransactionTemplate transactions) {
        this.consumer = consumer;
        this.handlers = Map.copyOf(handlers);
        this.contracts = contracts;
        this.json = json;
        this.ledger = ledger;
        this.transactions = transactions;
    }

    String consumer() {
        return consumer;
    }

    /** The topics this consumer's methods take events from. */
    Set<String> topics() {
        return handlers.keySet().stream().map(EventContracts.Contract::topic).collect(java.util.stream.Collectors.toSet());
    }

    public void onRecord(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<JsonNode> envelope = json.readTree(record.value());
        EventContracts.Contract contract = contracts.find(record.topic(), envelope.type()).orElse(null);
        Handler handler = contract == null ? null : handlers.get(contract);
        EventPayload payload = handler == null ? null : payloadOf(envelope, contract);
        EventMetadata metadata = new EventMetadata(envelope.eventId(), envelope.type(), envelope.schemaVersion(),
                envelope.occurredAt(), envelope.aggregateId(), record.topic(), record.partition(), record.offset());
        EventRejections.applying(consumer, record);
        try {
            transactions.executeWithoutResult(status -> {
                boolean recorded = contract == null || contract.recordInLedger();
                if ((!recorded || ledger.firstTime(consumer, envelope.eventId())) && handler != null) {
                    handler.invoke(payload, metadata);
                }
            });
        } finally {
            EventRejections.done();
        }
    }

    private EventPayload payloadOf(EventEnvelope<JsonNode> envelope, EventContracts.Contract contract) {
        if (envelope.schemaVersion() > contract.schemaVersion()) {
            throw new UnknownSchemaVersionException(envelope.type(), envelope.schemaVersion(), contract.schemaVersion());
        }
        EventPayload payload = json.payload(envelope, contract.payload());
        if (!envelope.aggregateId().equals(payload.aggregateId())) {
            throw new MalformedEventException(envelope.type() + " payload names another aggregate than its envelope", null);
        }
        return payload;
    }
}
