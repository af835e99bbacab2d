package org.securebase.journal.assignment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Requests and answers of the assignment endpoints. Records holding clinical text print none of it. */
public final class AssignmentViews {

    private AssignmentViews() {
    }

    /**
     * The client's plan for a homework.
     *
     * @param whenWhere when and where they will do it (required)
     * @param obstacle  what might get in the way (optional)
     * @param coping    what they will do then (optional)
     * @param remindAt  when to remind them of it by email instead of at their usual reminder time (optional; in the
     *                  future and before the homework is due)
     */
    record PlanRequest(String whenWhere, String obstacle, String coping, Instant remindAt) {

        @Override
        public String toString() {
            return "PlanRequest";
        }
    }

    /** How well it was done, 0 (not attempted) to 3 (done fully, with skill). */
    record QualityRequest(Integer rating) {
    }

    public record QualityView(int rating, Instant ratedAt) {

        static QualityView of(Quality quality) {
            return quality == null ? null : new QualityView(quality.rating(), quality.ratedAt());
        }
    }

    /** The client's plan as saved; {@code remindAt} is null without a chosen reminder time, {@code madeAt} when it was last saved. */
    public record PlanView(String whenWhere, String obstacle, String coping, Instant remindAt, Instant madeAt) {

        static PlanView of(Plan plan) {
            return plan == null ? null : new PlanView(plan.whenWhere(), plan.obstacle(), plan.coping(), plan.remindAt(),
                    plan.madeAt());
        }

        @Override
        public String toString() {
            return "PlanView[remindAt=" + remindAt + ", madeAt=" + madeAt + "]";
        }
    }

    /** A new due time for an assignment not yet handed in. */
    record DueRequest(Instant dueAt) {
    }

    /**
     * @param clientId  a client of the therapist's current caseload
     * @param articleId a published article; the assignment pins its current version
     * @param prompts   1 to 20 prompts
     * @param note      optional note to the client
     * @param reason    optional: why this homework matters for this client, shown to them at the top of it
     * @param obstacle  optional: what might get in the way, as discussed in the session
     * @param dueAt     when it is due; must be in the future
     */
    record CreateRequest(UUID clientId, UUID articleId, List<PromptRequest> prompts, String note, String reason,
                         String obstacle, Instant dueAt) {

        @Override
        public String toString() {
            return "CreateRequest[clientId=" + clientId + ", articleId=" + articleId + "]";
        }
    }

    /** {@code listId}: for a CHECKLIST, the id of one of the article's lists (from its ArticlePublished event). */
    record PromptRequest(PromptKind kind, String question, String listId) {

        @Override
        public String toString() {
            return "PromptRequest[kind=" + kind + "]";
        }
    }

    /** A draft answer: {@code text} (TEXT), {@code checkedItemIds} (CHECKLIST) or {@code value} (SCALE, 0-10). */
    record AnswerRequest(String text, List<String> checkedItemIds, Integer value) {

        @Override
        public String toString() {
            return "AnswerRequest[redacted]";
        }
    }

    public record ArticleRef(UUID id, String slug, String title, int version) {

        static ArticleRef of(Assignment.PinnedArticle article) {
            return new ArticleRef(article.id(), article.slug(), article.title(), article.version());
        }
    }

    /**
     * A list line: ids, status and dates only (no clinical text, so listing is not audited). {@code reviewedAt} is
     * the first feedback, {@code lastFeedbackAt} the newest; {@code unreadFeedback}: the client has not read the
     * feedback thread since the newest feedback was given.
     */
    public record AssignmentSummary(UUID id, UUID clientId, UUID therapistId, ArticleRef article, AssignmentStatus status,
                             Instant dueAt, boolean overdue, Instant createdAt, Instant openedAt, Instant submittedAt,
                             Instant reviewedAt, Instant lastActivityAt, Instant lastFeedbackAt,
                             boolean unreadFeedback) {

        static AssignmentSummary of(Assignment a, Instant now) {
            Assignment.Lifecycle l = a.lifecycle();
            return new AssignmentSummary(a.id(), a.clientId(), a.therapistId(), ArticleRef.of(a.article()), a.status(),
                    a.dueAt(), a.isOverdue(now), l.createdAt(), l.openedAt(), l.submittedAt(), l.reviewedAt(),
                    l.lastActivityAt(), l.lastFeedbackAt(), a.hasUnreadFeedback());
        }
    }

    public record PromptView(UUID id, int position, PromptKind kind, String question, String listId, List<String> itemIds,
                      AnswerView answer) {

        @Override
        public String toString() {
            return "PromptView[id=" + id + "]";
        }
    }

    public record AnswerView(UUID id, String text, List<String> checkedItemIds, Integer value, Instant savedAt) {

        static AnswerView of(Answer answer) {
            return new AnswerView(answer.id(), answer.value().text(), answer.value().checkedItemIds(),
                    answer.value().value(), answer.savedAt());
        }

        @Override
        public String toString() {
            return "AnswerView[id=" + id + "]";
        }
    }

    /**
     * The whole assignment. The article is referenced by id and pinned version: the portal reads that version
     * from content-service ({@code GET /api/content/articles/{slug}/versions/{version}}), which keeps it readable
     * for the client even after a retraction. {@code answers} are shown to the therapist only once submitted.
     * {@code lastFeedbackAt} and {@code unreadFeedback} as in the summary (reading this view does not mark the
     * feedback read; reading the feedback thread does).
     */
    public record AssignmentView(UUID id, UUID clientId, UUID therapistId, ArticleRef article, AssignmentStatus status,
                          String note, String reason, String obstacle, PlanView plan, QualityView quality,
                          Instant dueAt, boolean overdue,
                          Instant createdAt, Instant openedAt, Instant submittedAt, Instant reviewedAt,
                          Instant lastActivityAt, Instant lastFeedbackAt, boolean unreadFeedback,
                          List<PromptView> prompts) {

        static AssignmentView of(Assignment a, List<Prompt> prompts, List<Answer> answers, Plan plan, Quality quality,
                                 Instant now) {
            Map<UUID, Answer> byPrompt = answers.stream().collect(Collectors.toMap(Answer::promptId, Function.identity()));
            List<PromptView> promptViews = prompts.stream()
                    .map(p -> new PromptView(p.id(), p.position(), p.kind(), p.question(), p.listId(),
                            p.kind() == PromptKind.CHECKLIST ? p.itemIds() : null,
                            byPrompt.containsKey(p.id()) ? AnswerView.of(byPrompt.get(p.id())) : null))
                    .toList();
            Assignment.Lifecycle l = a.lifecycle();
            Assignment.Card card = a.card();
            return new AssignmentView(a.id(), a.clientId(), a.therapistId(), ArticleRef.of(a.article()), a.status(),
                    a.note(), card == null ? null : card.reason(), card == null ? null : card.obstacle(),
                    PlanView.of(plan), QualityView.of(quality), a.dueAt(), a.isOverdue(now), l.createdAt(), l.openedAt(), l.submittedAt(),
                    l.reviewedAt(), l.lastActivityAt(), l.lastFeedbackAt(), a.hasUnreadFeedback(), promptViews);
        }

        @Override
        public String toString() {
            return "AssignmentView[id=" + id + ", status=" + status + "]";
        }
    }

    /**
     * One client's adherence to the calling therapist's assignments: how much was done, and how well (the therapist's
     * ratings, 0 to 3).
     *
     * @param rated          how many handed-in homeworks the therapist rated
     * @param averageQuality the mean rating, one decimal; null when none is rated
     * @param recentQuality  the latest ratings, oldest first, at most five: quality over time
     */
    record AdherenceSummary(UUID clientId, String clientName, int assigned, int opened, int submitted, int overdue,
                            Instant lastActivityAt, int rated, Double averageQuality, List<Integer> recentQuality) {
    }
}
