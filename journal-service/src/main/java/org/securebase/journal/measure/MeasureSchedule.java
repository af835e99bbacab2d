package org.securebase.journal.measure;

import java.time.Instant;
import java.util.UUID;

/** A therapist's assignment of an instrument to a client: once ({@code everyWeeks} null) or every 1, 2 or 4 weeks. */
record MeasureSchedule(UUID id, UUID clientId, UUID therapistId, String instrument, Integer everyWeeks,
                       Instant createdAt, Instant nextDueAt, Instant endedAt) {
}
