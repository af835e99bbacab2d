package org.securebase.platform.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The payload of an event. Implemented by records annotated with {@link EventContract}; the record's components
 * are the JSON fields.
 */
public interface EventPayload {

    /**
     * The entity the event is about: the envelope's aggregate id and the Kafka record key, so one entity's events stay
     * in order on one partition. Not a payload field (the payload names it in its own words, e.g. {@code clientId}).
     */
    @JsonIgnore
    java.util.UUID aggregateId();
}
