package org.securebase.account.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A client now belongs to a therapist's caseload. Keyed by the client: on a reassignment the previous
 * assignment's {@link CaseloadEnded} comes first, with a lower {@code sequence}.
 */
public record CaseloadAssigned(UUID clientId, long sequence, UUID therapistId, UUID assignmentId, Instant assignedAt)
        implements AccountsEventPayload {

    public static final String TYPE = "CaseloadAssigned";
    public static final int SCHEMA_VERSION = 1;

    public CaseloadAssigned {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(therapistId, "therapistId");
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(assignedAt, "assignedAt");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int schemaVersion() {
        return SCHEMA_VERSION;
    }

    @Override
    public UUID key() {
        return clientId;
    }
}
