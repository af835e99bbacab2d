package org.securebase.platform.events.consumer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method that applies events of one consumer. The method's first parameter is the payload type it
 * handles: an event contract record, or an interface several of them implement (all account events, say); an
 * optional second parameter of type {@link EventMetadata} gets the envelope's id, time and aggregate and the
 * record's position. The topics to subscribe to follow from the payload types.
 *
 * <pre>{@code
 * @IntegrationEventListener(consumer = "pinned-readings")
 * void on(AssignmentCreated created, EventMetadata event) { ... }
 * }</pre>
 *
 * <p>All methods naming one consumer share one Kafka consumer group, {@code <group prefix>.<consumer>} (the prefix
 * is the application's name unless {@code securebase.events.consumer.group-prefix} says otherwise), and one
 * entry in the processed-event ledger per event. The kit calls the method inside a transaction that also records
 * the event id, at most once per event and consumer; a redelivered or replayed event is skipped. What throws is
 * retried, then parked in the topic's dead-letter topic; an unreadable record or an unknown schema version is parked
 * at once. Events of types no method of the consumer takes are recorded and otherwise skipped.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface IntegrationEventListener {

    /** The consumer's name: lower-case words joined by hyphens, unique in the service. */
    String consumer();
}
