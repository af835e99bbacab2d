package org.securebase.account.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A client no longer belongs to this therapist's caseload: from now on the therapist must not see their data.
 *
 * @param reason {@code REASSIGNED}, {@code UNASSIGNED}, {@code ROLE_CHANGED} (one of the two changed role) or
 *               {@code ACCOUNT_DELETED} (one of the two was deleted in Keycloak)
 */
public record CaseloadEnded(UUID clientId, long sequence, UUID therapistId, UUID assignmentId, String reason,
                            Instant endedAt) implements AccountsEventPayload {

    public static final String TYPE = "CaseloadEnded";
    public static final int SCHEMA_VERSION = 1;

    public CaseloadEnded {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(therapistId, "therapistId");
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(endedAt, "endedAt");
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
