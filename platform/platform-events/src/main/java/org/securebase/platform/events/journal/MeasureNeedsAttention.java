package org.securebase.platform.events.journal;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.securebase.platform.events.EventContract;
import org.securebase.platform.events.EventPayload;
import org.securebase.platform.events.Topics;

/**
 * A submitted measure needs the therapist's attention at once (PHQ-9's safety item was answered above 0), so
 * account-service can email the therapist a link. Envelope key and aggregate id: {@code scheduleId}. Ids, the
 * instrument and times only: which item, which answer and the score stay in journal-service, encrypted.
 *
 * @param instanceId  the submitted instance
 * @param scheduleId  the assignment it belongs to
 * @param clientId    the client
 * @param therapistId the therapist to tell
 * @param instrument  the instrument's definition key, e.g. {@code phq-9.v1}
 * @param submittedAt when the client submitted it
 */
@EventContract(topic = Topics.JOURNAL_ASSIGNMENTS, schemaVersion = 1)
public record MeasureNeedsAttention(UUID instanceId, UUID scheduleId, UUID clientId, UUID therapistId,
                                    String instrument, Instant submittedAt) implements EventPayload {

    public MeasureNeedsAttention {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(scheduleId, "scheduleId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(therapistId, "therapistId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(submittedAt, "submittedAt");
    }

    @Override
    public UUID aggregateId() {
        return scheduleId;
    }
}
