package org.securebase.journal.measure;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One instance of a measure to answer, its response decrypted. {@code answers} maps item number to option value;
 * {@code total} and {@code band} are set once submitted.
 */
record MeasureInstance(UUID id, UUID scheduleId, UUID clientId, UUID therapistId, String instrument, Status status,
                       Instant dueAt, Map<Integer, Integer> answers, Integer total, String band, long sealedVersion,
                       Instant submittedAt, Instant attentionAt, Instant acknowledgedAt, UUID acknowledgedBy) {

    enum Status {
        DUE, IN_PROGRESS, SUBMITTED,
        /** A newer instance of the schedule came due before this one was submitted; it can no longer be answered. */
        EXPIRED
    }

    MeasureInstance {
        answers = Map.copyOf(answers);
    }

    boolean needsAttention() {
        return attentionAt != null && acknowledgedAt == null;
    }

    @Override
    public String toString() {
        return "MeasureInstance[id=" + id + ", clientId=" + clientId + ", instrument=" + instrument + ", status="
                + status + "]";
    }
}
