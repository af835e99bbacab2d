package org.securebase.journal.feedback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.securebase.journal.audit.AccessAudit;
import org.securebase.journal.audit.AuditAction;
import org.securebase.journal.audit.AuditedResource;
import org.securebase.platform.security.Caller;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Client replies the therapist has not answered yet, for the review agenda. The caller has checked that the client is
 * on the therapist's caseload; each thread shown is audited in the caller's transaction.
 */
@Component
public class FeedbackHistory {

    private final FeedbackRepository repository;
    private final AccessAudit audit;

    FeedbackHistory(FeedbackRepository repository, AccessAudit audit) {
        this.repository = repository;
        this.audit = audit;
    }

    /**
     * One assignment's feedback that has replies awaiting an answer; each feedback keeps only those replies.
     */
    public record AwaitingAnswer(UUID assignmentId, List<FeedbackViews.FeedbackView> feedback) {

        public AwaitingAnswer {
            feedback = List.copyOf(feedback);
        }
    }

    /**
     * Replies after {@code after} that are newer than the therapist's latest feedback on their assignment, grouped by
     * assignment, oldest first. A new feedback on the assignment answers them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<AwaitingAnswer> repliesAwaitingAnswerAfter(Caller therapist, UUID clientId, Instant after, int limit) {
        return repository.withRepliesAwaitingAnswer(therapist.id(), clientId, after, limit).stream()
                .map(assignmentId -> {
                    List<FeedbackViews.FeedbackView> thread = repository.thread(assignmentId, clientId);
                    Instant latestFeedback = thread.stream().map(FeedbackViews.FeedbackView::createdAt)
                            .max(Instant::compareTo).orElse(Instant.MIN);
                    List<FeedbackViews.FeedbackView> awaiting = thread.stream()
                            .map(feedback -> new FeedbackViews.FeedbackView(feedback.id(), feedback.assignmentId(),
                                    feedback.answerId(), feedback.therapistId(), feedback.body(), feedback.createdAt(),
                                    feedback.replies().stream()
                                            .filter(reply -> reply.createdAt().isAfter(latestFeedback)
                                                    && reply.createdAt().isAfter(after))
                                            .toList()))
                            .filter(feedback -> !feedback.replies().isEmpty())
                            .toList();
                    audit.recordRead(therapist, clientId, AuditedResource.ASSIGNMENT_FEEDBACK, assignmentId,
                            AuditAction.LISTED);
                    return new AwaitingAnswer(assignmentId, awaiting);
                })
                .toList();
    }
}
