package org.securebase.journal.program;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.securebase.journal.assignment.PromptKind;

/** Requests and answers of the program endpoints. The enrolment's reason is never in a view's toString. */
final class ProgramViews {

    private ProgramViews() {
    }

    record ProgramRequest(String title, String description, List<StepRequest> steps) {
    }

    /** One step: a published article, its prompts, when it is delivered, and how many days the client has for it. */
    record StepRequest(UUID articleId, List<PromptRequest> prompts, RuleRequest rule, Integer dueDays) {
    }

    record PromptRequest(PromptKind kind, String question, String listId) {
    }

    record RuleRequest(DeliveryRule.Kind kind, Integer days, DayOfWeek weekday) {
    }

    record ArticleRef(UUID id, String slug, String title, int version) {
    }

    record PromptView(PromptKind kind, String question, String listId) {
    }

    record StepView(int position, ArticleRef article, List<PromptView> prompts, RuleRequest rule, int dueDays) {
    }

    record ProgramView(UUID id, String title, String description, UUID createdBy, Instant createdAt,
                       List<StepView> steps) {
    }

    record ProgramSummary(UUID id, String title, String description, int steps, Instant createdAt) {
    }

    /** {@code zone}: the client's time zone (IANA id), which weekday steps follow; absent: the practice's. */
    record EnrolRequest(UUID clientId, String reason, String zone) {

        @Override
        public String toString() {
            return "EnrolRequest[clientId=" + clientId + ", zone=" + zone + "]";
        }
    }

    record DeliveryView(int position, UUID assignmentId, Instant deliveredAt) {
    }

    /**
     * An enrolment and where it stands: {@code nextAt} is when the next step is delivered (null while the previous one
     * waits for its hand-in, or when none is left).
     */
    record EnrolmentView(UUID id, UUID programId, String programTitle, UUID clientId, UUID therapistId,
                         ProgramEnrolment.Status status, int steps, int nextPosition, Instant nextAt,
                         Instant createdAt, List<DeliveryView> deliveries, String zone) {
    }
}
