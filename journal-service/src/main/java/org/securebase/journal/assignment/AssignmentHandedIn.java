package org.securebase.journal.assignment;

import java.time.Instant;
import java.util.UUID;

/**
 * In-process: the client handed an assignment in. Published synchronously inside the submitting transaction, so a
 * listener's writes (a program's next step) commit or roll back with the hand-in. Not an integration event: other
 * services learn of it from {@code AssignmentSubmitted} on the topic.
 */
public record AssignmentHandedIn(UUID assignmentId, UUID clientId, UUID therapistId, Instant handedInAt) {
}
