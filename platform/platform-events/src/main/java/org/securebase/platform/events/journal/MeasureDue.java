package org.securebase.platform.events.journal;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.securebase.platform.events.EventContract;
import org.securebase.platform.events.EventPayload;
import org.securebase.platform.events.Topics;

/**
 * An instance of a measure is due: the client may answer it now (a reminder's "new / due"). Envelope key and
 * aggregate id: {@code scheduleId}, so a schedule's instances stay in order. Never a score or an item.
 *
 * @param instanceId  the instance to answer
 * @param scheduleId  the assignment it belongs to
 * @param clientId    the client
 * @param therapistId the therapist who assigned it
 * @param instrument  the instrument's definition key, e.g. {@code phq-9.v1}
 * @param dueAt       when it became due
 */
@EventContract(topic = Topics.JOURNAL_ASSIGNMENTS, schemaVersion = 1)
public record MeasureDue(UUID instanceId, UUID scheduleId, UUID clientId, UUID therapistId, String instrument,
                         Instant dueAt) implements EventPayload {

    public MeasureDue {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(scheduleId, "scheduleId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(therapistId, "therapistId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(dueAt, "dueAt");
    }

    @Override
    public UUID aggregateId() {
        return scheduleId;
    }
}
