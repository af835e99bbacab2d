package org.securebase.platform.events.journal;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The client opened an assignment for the first time. Envelope key and aggregate id: {@code assignmentId}.
 *
 * @param assignmentId the assignment
 * @param clientId     its client (Keycloak user id)
 * @param therapistId  the therapist who assigned it (Keycloak user id)
 * @param openedAt     when the client first opened it
 */
public record AssignmentOpened(UUID assignmentId, UUID clientId, UUID therapistId, Instant openedAt) {

    public static final String TYPE = "AssignmentOpened";
    public static final int SCHEMA_VERSION = 1;

    public AssignmentOpened {
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(therapistId, "therapistId");
        Objects.requireNonNull(openedAt, "openedAt");
    }
}
