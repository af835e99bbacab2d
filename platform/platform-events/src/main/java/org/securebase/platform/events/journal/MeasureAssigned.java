package org.securebase.platform.events.journal;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.securebase.platform.events.EventContract;
import org.securebase.platform.events.EventPayload;
import org.securebase.platform.events.Topics;

/**
 * A therapist assigned a standardised measure (a questionnaire such as PHQ-9) to a client, once or on a schedule.
 * Envelope key and aggregate id: {@code scheduleId}. Ids, the instrument and times only: never a score or an item.
 *
 * @param scheduleId  the assignment (its schedule)
 * @param clientId    the client (Keycloak user id)
 * @param therapistId the therapist who assigned it
 * @param instrument  the instrument's definition key, e.g. {@code phq-9.v1}
 * @param everyWeeks  the interval in weeks, or null for once
 * @param assignedAt  when it was assigned
 */
@EventContract(topic = Topics.JOURNAL_ASSIGNMENTS, schemaVersion = 1)
public record MeasureAssigned(UUID scheduleId, UUID clientId, UUID therapistId, String instrument, Integer everyWeeks,
                              Instant assignedAt) implements EventPayload {

    public MeasureAssigned {
        Objects.requireNonNull(scheduleId, "scheduleId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(therapistId, "therapistId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(assignedAt, "assignedAt");
    }

    @Override
    public UUID aggregateId() {
        return scheduleId;
    }
}
