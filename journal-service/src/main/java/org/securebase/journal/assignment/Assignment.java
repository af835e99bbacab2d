package org.securebase.journal.assignment;

import java.time.Instant;
import java.util.UUID;

/** An assignment row, the note decrypted. Prompts and answers are loaded apart. */
record Assignment(UUID id, UUID clientId, UUID therapistId, UUID articleId, int articleVersion, String articleSlug,
                  String articleTitle, String note, Instant dueAt, AssignmentStatus status, Instant createdAt,
                  Instant openedAt, Instant submittedAt, Instant reviewedAt, Instant lastActivityAt) {

    boolean isOverdue(Instant now) {
        return !status.isSubmitted() && dueAt.isBefore(now);
    }

    @Override
    public String toString() {
        return "Assignment[id=" + id + ", clientId=" + clientId + ", therapistId=" + therapistId + ", status=" + status + "]";
    }
}
