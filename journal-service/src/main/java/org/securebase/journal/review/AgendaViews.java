package org.securebase.journal.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.securebase.journal.assignment.AssignmentViews;
import org.securebase.journal.entry.EntryViews;
import org.securebase.journal.feedback.FeedbackViews;
import org.securebase.journal.measure.MeasureHistory;

/** The agenda's answers and requests. Records holding clinical text print none of it. */
final class AgendaViews {

    private AgendaViews() {
    }

    /**
     * What happened since the last review. Each list is oldest first and holds at most {@link ReviewAgenda#SECTION_LIMIT}
     * items; {@code since} is null before the first review (the agenda then covers everything so far).
     *
     * @param generatedAt what to send back as {@code through} when marking it reviewed
     */
    record Agenda(UUID clientId, String clientName, Instant since, Instant generatedAt,
                  List<AssignmentViews.AssignmentView> handedIn, List<ReplyThread> repliesAwaitingAnswer,
                  List<EntryViews.SharedEntryView> sharedEntries, List<MeasureHistory.Result> measures,
                  List<AssignmentViews.AssignmentSummary> overdue) {

        @Override
        public String toString() {
            return "Agenda[clientId=" + clientId + ", since=" + since + "]";
        }
    }

    /** The client's replies awaiting an answer on one homework, under the feedback they reply to. */
    record ReplyThread(AssignmentViews.AssignmentSummary assignment, List<FeedbackViews.FeedbackView> feedback) {

        @Override
        public String toString() {
            return "ReplyThread[assignment=" + assignment.id() + "]";
        }
    }

    /** Marks the agenda reviewed up to {@code through}: the {@code generatedAt} of the agenda the therapist read. */
    record ReviewedRequest(Instant through) {
    }

    /** A review: where the next agenda starts, and when the therapist marked it. */
    record Review(UUID clientId, Instant reviewedThrough, Instant reviewedAt) {
    }
}
