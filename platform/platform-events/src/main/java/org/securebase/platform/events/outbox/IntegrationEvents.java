package org.securebase.platform.events.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.securebase.platform.events.EventContracts;
import org.securebase.platform.events.EventEnvelope;
import org.securebase.platform.events.EventJson;
import org.securebase.platform.events.EventPayload;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way a service publishes an event: inside the transaction of the change it reports (MANDATORY), so the
 * change and the event commit together or not at all. The event goes into the outbox in that transaction and
 * leaves for Kafka after the commit (see {@link OutboxConfiguration}).
 *
 * <pre>{@code
 * events.publish(new AssignmentSubmitted(id, clientId, therapistId, now), now);
 * }</pre>
 *
 * <p>A service may only publish on the topics it declares in {@code securebase.events.publishes}: each topic has
 * one owner, and an event on another service's topic is a programming error caught at the first publish.
 */
public class IntegrationEvents {

    private final ApplicationEventPublisher publisher;
    private final EventContracts contracts;
    private final EventJson json;
    private final Set<String> ownedTopics;
    private final Clock clock;
    private final Supplier<String> currentTraceparent;

    /** @param currentTraceparent the W3C {@code traceparent} of the work in progress, or {@code null} for none */
    public IntegrationEvents(ApplicationEventPublisher publisher, EventContracts contracts, EventJson json,
                             Set<String> ownedTopics, Clock clock, Supplier<String> currentTraceparent) {
        this.publisher = publisher;
        this.contracts = contracts;
        this.json = json;
        this.ownedTopics = Set.copyOf(ownedTopics);
        this.clock = clock;
        this.currentTraceparent = currentTraceparent;
    }

    /** Publishes the event as having happened now (the service's clock). */
    @Transactional(propagation = Propagation.MANDATORY)
    public EventEnvelope<EventPayload> publish(EventPayload payload) {
        return publish(payload, clock.instant());
    }

    /** Publishes the event as having happened at {@code occurredAt}, the time the change records. */
    @Transactional(propagation = Propagation.MANDATORY)
    public EventEnvelope<EventPayload> publish(EventPayload payload, Instant occurredAt) {
        EventContracts.Contract contract = contracts.of(payload.getClass());
        if (!ownedTopics.contains(contract.topic())) {
            throw new IllegalStateException("this service does not publish on " + contract.topic()
                    + " (securebase.events.publishes lists " + ownedTopics + ")");
        }
        EventEnvelope<EventPayload> envelope = new EventEnvelope<>(UUID.randomUUID(), contract.type(), occurredAt,
                contract.schemaVersion(), payload.aggregateId(), payload);
        publisher.publishEvent(new OutboxEvent(contract.topic(), envelope.key(), envelope.eventId(), contract.type(),
                new String(json.write(envelope), StandardCharsets.UTF_8), currentTraceparent.get()));
        return envelope;
    }
}
