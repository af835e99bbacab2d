package org.securebase.journal.assignment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.securebase.platform.events.EventEnvelope;
import org.securebase.platform.events.EventJson;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes journal events into the outbox. MANDATORY propagation: an event is only written in the transaction
 * of the change it reports, so both commit or neither does.
 */
@Component
public class JournalEvents {

    private final ApplicationEventPublisher publisher;

    JournalEvents(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public JournalEvent publish(String type, int schemaVersion, UUID assignmentId, Instant occurredAt, Object payload) {
        EventEnvelope<Object> envelope = new EventEnvelope<>(UUID.randomUUID(), type, occurredAt, schemaVersion,
                assignmentId, payload);
        JournalEvent event = new JournalEvent(envelope.eventId(), type, assignmentId,
                new String(EventJson.shared().write(envelope), StandardCharsets.UTF_8));
        publisher.publishEvent(event);
        return event;
    }
}
