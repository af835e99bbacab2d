package org.securebase.portal.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.securebase.portal.assignment.Homework;
import org.securebase.portal.journal.Journal;

/**
 * journal-service's review agenda. Each list is oldest first; {@code since} is null before the first review.
 *
 * @param generatedAt sent back when marking the agenda reviewed, so what arrived after it stays for the next one
 */
public record Agenda(UUID clientId, String clientName, Instant since, Instant generatedAt,
                     List<Homework.Assignment> handedIn, List<ReplyThread> repliesAwaitingAnswer,
                     List<Journal.SharedEntry> sharedEntries, List<MeasureResult> measures,
                     List<Homework.Summary> overdue) {

    public Agenda {
        handedIn = handedIn == null ? List.of() : handedIn;
        repliesAwaitingAnswer = repliesAwaitingAnswer == null ? List.of() : repliesAwaitingAnswer;
        sharedEntries = sharedEntries == null ? List.of() : sharedEntries;
        measures = measures == null ? List.of() : measures;
        overdue = overdue == null ? List.of() : overdue;
    }

    /** Nothing happened since the last review. */
    public boolean empty() {
        return handedIn.isEmpty() && repliesAwaitingAnswer.isEmpty() && sharedEntries.isEmpty() && measures.isEmpty()
                && overdue.isEmpty();
    }

    @Override
    public String toString() {
        return "Agenda[clientId=" + clientId + "]";
    }

    /** The client's replies still awaiting an answer on one homework, under the feedback they reply to. */
    public record ReplyThread(Homework.Summary assignment, List<Homework.Feedback> feedback) {
    }

    /** A questionnaire result: total of maximum, band, change against the previous and the first result. */
    public record MeasureResult(UUID id, String instrument, String title, Instant submittedAt, int total, int maximum,
                                String bandLabel, Integer changeSincePrevious, Integer changeSinceFirst,
                                String reliableChange, boolean needsAttention) {

        @Override
        public String toString() {
            return "MeasureResult[id=" + id + "]";
        }
    }

    /** A review: where the next agenda starts, and when it was marked. */
    public record Review(UUID clientId, Instant reviewedThrough, Instant reviewedAt) {
    }

    record ReviewedRequest(Instant through) {
    }
}
