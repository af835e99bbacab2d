package org.securebase.journal.assignment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.securebase.platform.events.EventPayload;
import org.securebase.platform.events.journal.AssignmentCreated;
import org.securebase.platform.events.journal.AssignmentDueChanged;
import org.securebase.platform.events.journal.AssignmentOpened;
import org.securebase.platform.events.journal.AssignmentSubmitted;
import org.securebase.platform.web.problem.ConflictException;

/**
 * An assignment, the note decrypted (prompts and answers are loaded apart), and every step of its workflow: each
 * step checks that it may happen, returns the assignment as it is afterwards and the event that announces it, if
 * any. The service stores the one and publishes the other in the same transaction, holding the row's lock, so the
 * timestamps worked out here from the current row cannot race.
 *
 * @param article   the article version the assignment pins
 * @param lifecycle where it stands and when each step happened
 */
record Assignment(UUID id, UUID clientId, UUID therapistId, PinnedArticle article, String note, Card card,
                  Instant dueAt, Lifecycle lifecycle) {

    /**
     * Why this homework matters for this client (shown to them at the top of it) and the obstacle discussed, as the
     * therapist wrote them when assigning; either may be null.
     */
    record Card(String reason, String obstacle) {

        static Card of(String reason, String obstacle) {
            return reason == null && obstacle == null ? null : new Card(reason, obstacle);
        }

        @Override
        public String toString() {
            return "Card[reason=" + (reason != null) + ", obstacle=" + (obstacle != null) + "]";
        }
    }

    /** The published version assigned; its slug and title as they were when it was assigned. */
    record PinnedArticle(UUID id, int version, String slug, String title) {
    }

    /**
     * @param lastFeedbackAt when the newest feedback was given ({@code reviewedAt} stays at the first)
     * @param feedbackSeenAt when the client last read the feedback thread
     */
    record Lifecycle(AssignmentStatus status, Instant createdAt, Instant openedAt, Instant submittedAt,
                     Instant reviewedAt, Instant lastActivityAt, Instant lastFeedbackAt, Instant feedbackSeenAt) {

        Lifecycle {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(lastActivityAt, "lastActivityAt");
        }

        static Lifecycle assigned(Instant now) {
            return new Lifecycle(AssignmentStatus.ASSIGNED, now, null, null, null, now, null, null);
        }

        private Lifecycle moveTo(AssignmentStatus next, Instant now) {
            return new Lifecycle(next, createdAt,
                    next == AssignmentStatus.ASSIGNED || openedAt != null ? openedAt : now,
                    next == AssignmentStatus.SUBMITTED ? now : submittedAt,
                    next == AssignmentStatus.REVIEWED && reviewedAt == null ? now : reviewedAt,
                    now,
                    // Every feedback is new for the client, though the assignment was reviewed before.
                    next == AssignmentStatus.REVIEWED ? now : lastFeedbackAt,
                    feedbackSeenAt);
        }
    }

    /** A step of the workflow: the assignment afterwards, and the event that announces the step, if any. */
    record Step(Assignment next, Optional<EventPayload> event) {
    }

    /** A new assignment of {@code article} to a client, and its {@code AssignmentCreated}. */
    static Step assign(UUID clientId, UUID therapistId, PinnedArticle article, String note, Card card, Instant dueAt,
                       Instant now) {
        Assignment assignment = new Assignment(UUID.randomUUID(), clientId, therapistId, article, note, card,
                dueAt.truncatedTo(ChronoUnit.MICROS), Lifecycle.assigned(now));
        return new Step(assignment, Optional.of(new AssignmentCreated(assignment.id(), clientId, therapistId,
                article.id(), article.version(), assignment.dueAt())));
    }

    /** The client's first read opens it (and announces it); later reads are no step. */
    Optional<Step> readByClient(Instant now) {
        if (status() != AssignmentStatus.ASSIGNED) {
            return Optional.empty();
        }
        return Optional.of(new Step(with(lifecycle.moveTo(AssignmentStatus.OPENED, now)), Optional.of(opened(now))));
    }

    /** A draft answer was saved: in progress. Answered without a read first (an app that preloaded it), it was opened. */
    Step answered(Instant now) {
        if (!status().acceptsAnswers()) {
            throw new ConflictException("The assignment was submitted; its answers can no longer be changed.");
        }
        Optional<EventPayload> opening = status() == AssignmentStatus.ASSIGNED ? Optional.of(opened(now)) : Optional.empty();
        return new Step(with(lifecycle.moveTo(AssignmentStatus.IN_PROGRESS, now)), opening);
    }

    /** The client handed it in. Whether every prompt is answered is the caller's to check first. */
    Step submitted(Instant now) {
        if (status().isSubmitted()) {
            throw new ConflictException("The assignment was already submitted.");
        }
        return new Step(with(lifecycle.moveTo(AssignmentStatus.SUBMITTED, now)),
                Optional.of(new AssignmentSubmitted(id, clientId, therapistId, now)));
    }

    /** The therapist moved the due time; reminders follow the event. Once handed in, the due time is history. */
    Step dueMovedTo(Instant newDueAt) {
        if (status().isSubmitted()) {
            throw new ConflictException("The assignment was submitted; its due time can no longer be changed.");
        }
        Assignment moved = new Assignment(id, clientId, therapistId, article, note, card,
                newDueAt.truncatedTo(ChronoUnit.MICROS), lifecycle);
        return new Step(moved, Optional.of(new AssignmentDueChanged(id, clientId, therapistId, moved.dueAt())));
    }

    /** The therapist gave feedback. The feedback feature announces it, with the feedback's own id. */
    Step reviewed(Instant now) {
        if (!status().isSubmitted()) {
            throw new ConflictException("Feedback can be given once the client has submitted the assignment.");
        }
        return new Step(with(lifecycle.moveTo(AssignmentStatus.REVIEWED, now)), Optional.empty());
    }

    /** The client replied to feedback: activity, but no step of the workflow. */
    Step repliedTo(Instant now) {
        Lifecycle touched = new Lifecycle(status(), lifecycle.createdAt(), lifecycle.openedAt(), lifecycle.submittedAt(),
                lifecycle.reviewedAt(), now, lifecycle.lastFeedbackAt(), lifecycle.feedbackSeenAt());
        return new Step(with(touched), Optional.empty());
    }

    AssignmentStatus status() {
        return lifecycle.status();
    }

    boolean isOverdue(Instant now) {
        return !status().isSubmitted() && dueAt.isBefore(now);
    }

    /** Feedback the client has not read: any feedback never seen, or feedback given after their last read. */
    boolean hasUnreadFeedback() {
        Instant lastFeedback = lifecycle.lastFeedbackAt();
        Instant seen = lifecycle.feedbackSeenAt();
        return lastFeedback != null && (seen == null || lastFeedback.isAfter(seen));
    }

    private AssignmentOpened opened(Instant now) {
        return new AssignmentOpened(id, clientId, therapistId, now);
    }

    private Assignment with(Lifecycle next) {
        return new Assignment(id, clientId, therapistId, article, note, card, dueAt, next);
    }

    @Override
    public String toString() {
        return "Assignment[id=" + id + ", clientId=" + clientId + ", therapistId=" + therapistId + ", status=" + status() + "]";
    }
}
