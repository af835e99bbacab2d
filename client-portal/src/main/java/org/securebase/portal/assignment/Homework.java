package org.securebase.portal.assignment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * journal-service's assignment and feedback requests and answers as {@link AssignmentsApi} sends and reads them
 * (unknown fields are ignored). The length limits are platform-contracts' {@code JournalLimits}.
 */
public final class Homework {

    private Homework() {
    }

    public record ArticleRef(UUID id, String slug, String title, int version) {
    }

    /**
     * {@code reviewedAt}: the first feedback; {@code lastFeedbackAt}: the newest; {@code unreadFeedback}: the client
     * has not read the feedback since the newest was given.
     */
    public record Summary(UUID id, UUID clientId, UUID therapistId, ArticleRef article, String status, Instant dueAt,
                          boolean overdue, Instant createdAt, Instant openedAt, Instant submittedAt,
                          Instant reviewedAt, Instant lastActivityAt, Instant lastFeedbackAt, boolean unreadFeedback) {
    }

    public record SummaryPage(List<Summary> items, String nextCursor) {
    }

    public record Answer(UUID id, String text, List<String> checkedItemIds, Integer value, Instant savedAt) {
    }

    public record Prompt(UUID id, int position, String kind, String question, String listId, List<String> itemIds,
                         Answer answer) {

        @Override
        public String toString() {
            return "Prompt[id=" + id + "]";
        }
    }

    /**
     * @param reason   why the therapist gave this homework, shown to the client at the top; or null
     * @param obstacle what might get in the way, as the therapist noted it; or null
     * @param plan     the client's plan for it; null until they make one
     * @param quality  how well it was done, as the therapist rated it; null until rated
     */
    public record Assignment(UUID id, UUID clientId, UUID therapistId, ArticleRef article, String status, String note,
                             String reason, String obstacle, Plan plan, Quality quality, Instant dueAt, boolean overdue, Instant createdAt, Instant openedAt, Instant submittedAt,
                             Instant reviewedAt, Instant lastActivityAt, boolean unreadFeedback, List<Prompt> prompts) {

        /** Answers can change until the client submits. */
        public boolean editable() {
            return !"SUBMITTED".equals(status) && !"REVIEWED".equals(status);
        }

        @Override
        public String toString() {
            return "Assignment[id=" + id + "]";
        }
    }

    /**
     * The client's plan: when and where, what might get in the way, what they will do then, and when they want to be
     * reminded by email (null: at their usual reminder time).
     */
    public record Plan(String whenWhere, String obstacle, String coping, Instant remindAt, Instant madeAt) {

        @Override
        public String toString() {
            return "Plan[remindAt=" + remindAt + ", madeAt=" + madeAt + "]";
        }
    }

    /** 0 (not attempted) to 3 (done fully, with skill). */
    public record Quality(int rating, Instant ratedAt) {
    }

    public record QualityRequest(int rating) {
    }

    public record PlanRequest(String whenWhere, String obstacle, String coping, Instant remindAt) {

        @Override
        public String toString() {
            return "PlanRequest[redacted]";
        }
    }

    public record Reply(UUID id, UUID feedbackId, UUID clientId, String body, Instant createdAt) {
    }

    public record Feedback(UUID id, UUID assignmentId, UUID answerId, UUID therapistId, String body,
                           Instant createdAt, List<Reply> replies) {
    }

    public record PromptRequest(String kind, String question, String listId) {
    }

    public record CreateRequest(UUID clientId, UUID articleId, List<PromptRequest> prompts, String note,
                                String reason, String obstacle, Instant dueAt) {
    }

    public record AnswerRequest(String text, List<String> checkedItemIds, Integer value) {

        @Override
        public String toString() {
            return "AnswerRequest[redacted]";
        }
    }

    public record TextRequest(String body) {

        @Override
        public String toString() {
            return "TextRequest[redacted]";
        }
    }

    /** A new due time for homework not yet handed in. */
    public record DueRequest(Instant dueAt) {
    }
}
