package org.securebase.journal.assignment;

import java.time.Instant;
import java.util.UUID;

/**
 * An assignment row, the note decrypted. Prompts and answers are loaded apart. {@code lastFeedbackAt}: when the
 * newest feedback was given ({@code reviewedAt} stays at the first); {@code feedbackSeenAt}: when the client last
 * read the feedback thread.
 */
record Assignment(UUID id, UUID clientId, UUID therapistId, UUID articleId, int articleVersion, String articleSlug,
                  String articleTitle, String note, Instant dueAt, AssignmentStatus status, Instant createdAt,
                  Instant openedAt, Instant submittedAt, Instant reviewedAt, Instant lastActivityAt,
                  Instant lastFeedbackAt, Instant feedbackSeenAt) {

    boolean isOverdue(Instant now) {
        return !status.isSubmitted() && dueAt.isBefore(now);
    }

    /** Feedback the client has not read: any feedback never seen, or feedback given after their last read. */
    boolean hasUnreadFeedback() {
        return lastFeedbackAt != null && (feedbackSeenAt == null || lastFeedbackAt.isAfter(feedbackSeenAt));
    }

    @Override
    public String toString() {
        return "Assignment[id=" + id + ", clientId=" + clientId + ", therapistId=" + therapistId + ", status=" + status + "]";
    }
}
