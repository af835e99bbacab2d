package org.securebase.journal.feedback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Requests and answers of the feedback endpoints; no clinical text in toString. */
public final class FeedbackViews {

    private FeedbackViews() {
    }

    record TextRequest(String body) {

        @Override
        public String toString() {
            return "TextRequest[redacted]";
        }
    }

    public record ReplyView(UUID id, UUID feedbackId, UUID clientId, String body, Instant createdAt) {

        @Override
        public String toString() {
            return "ReplyView[id=" + id + "]";
        }
    }

    public record FeedbackView(UUID id, UUID assignmentId, UUID answerId, UUID therapistId, String body, Instant createdAt,
                        List<ReplyView> replies) {

        public FeedbackView {
            replies = List.copyOf(replies);
        }

        @Override
        public String toString() {
            return "FeedbackView[id=" + id + "]";
        }
    }
}
