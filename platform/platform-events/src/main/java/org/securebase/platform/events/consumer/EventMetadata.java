package org.securebase.platform.events.consumer;

import java.time.Instant;
import java.util.UUID;

/**
 * Where an event came from, for a listener that needs more than the payload.
 *
 * @param eventId       the envelope's event id
 * @param type          its type
 * @param schemaVersion the payload's schema version as written
 * @param occurredAt    when the change was committed (the producer's clock)
 * @param aggregateId   the entity the event is about
 * @param topic         the record's topic
 * @param partition     its partition
 * @param offset        its offset
 */
public record EventMetadata(UUID eventId, String type, int schemaVersion, Instant occurredAt, UUID aggregateId,
                            String topic, int partition, long offset) {
}
