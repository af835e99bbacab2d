package org.securebase.platform.events.journal;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The client submitted their answers. Envelope key and aggregate id: {@code assignmentId}. No answer text.
 *
 * @param assignmentId the assignment
 * @param clientId     its client (Keycloak user id)
 * @param therapistId  the therapist who assigned it, who may now read the answers
 * @param submittedAt  when it was submitted
 */
public record AssignmentSubmitted(UUID assignmentId, UUID clientId, UUID therapistId, Instant submittedAt) {

    public static final String TYPE = "AssignmentSubmitted";
    public static final int SCHEMA_VERSION = 1;

    public AssignmentSubmitted {
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(therapistId, "therapistId");
        Objects.requireNonNull(submittedAt, "submittedAt");
    }
}
