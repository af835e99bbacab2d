package org.securebase.platform.events.outbox;

import java.util.Objects;
import java.util.UUID;

/**
 * What the outbox (Spring Modulith's event publication registry, table {@code event_publication}) stores for one
 * event, and what its Kafka externalization sends: the finished envelope, written once when the change happened.
 *
 * <p>Storing the exact envelope text fixes the event id and time in the business transaction, so a redelivery after
 * an outage carries the same id and consumers drop the duplicate; and the registry never has to know a payload
 * type to restore a publication. Events carry ids, names and numbers only, so this may be logged.
 *
 * @param topic    where it goes
 * @param key      the record key: the aggregate id, so one aggregate's events stay in order on one partition
 * @param eventId  the envelope's event id
 * @param type     the envelope's type
 * @param envelope the envelope's JSON, exactly the bytes (UTF-8) that go on the topic
 * @param traceparent the W3C trace context of the request that made the change, sent as the record's
 *                    {@code traceparent} header so the consumer's work joins that request's trace; {@code null}
 *                    when tracing is off (and in publications stored before it existed)
 */
public record OutboxEvent(String topic, String key, UUID eventId, String type, String envelope, String traceparent) {

    /** The record's header that carries {@link #traceparent}. */
    public static final String TRACEPARENT_HEADER = "traceparent";

    public OutboxEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String toString() {
        return "OutboxEvent[" + type + " " + eventId + " to " + topic + "]";
    }
}
