package org.securebase.journal.assignment;

import java.util.Objects;
import java.util.UUID;

/**
 * What goes into the outbox (Spring Modulith's event publication registry) and onto
 * {@code securebase.journal.assignments.v1}: the finished envelope JSON, written once with platform-events'
 * {@code EventJson} when the change happens. Storing the exact bytes means the event id and time are fixed in
 * the business transaction (a redelivery carries the same id), and the registry never has to map a payload type.
 * Events carry ids and timestamps only, so this may be logged.
 */
public record JournalEvent(UUID eventId, String type, UUID aggregateId, String envelopeJson) {

    public JournalEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(envelopeJson, "envelopeJson");
    }

    /** The record key: the assignment id, so one assignment's events stay in order on one partition. */
    public String key() {
        return aggregateId.toString();
    }
}
