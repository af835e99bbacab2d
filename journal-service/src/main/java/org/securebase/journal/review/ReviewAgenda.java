package org.securebase.journal.review;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.securebase.journal.assignment.AssignmentHistory;
import org.securebase.journal.assignment.AssignmentViews;
import org.securebase.journal.caseload.Caseloads;
import org.securebase.journal.entry.SharedEntryHistory;
import org.securebase.journal.feedback.FeedbackHistory;
import org.securebase.journal.measure.MeasureHistory;
import org.securebase.journal.web.JournalTime;
import org.securebase.platform.security.Caller;
import org.securebase.platform.web.problem.BadRequestException;
import org.securebase.platform.web.problem.ConflictException;
import org.securebase.platform.web.problem.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds a client's review agenda and records reviews. One transaction per agenda: its reads and their audit rows
 * commit together, as for every other read.
 */
@Service
class ReviewAgenda {

    /** Items per section: more than a week between sessions produces; the oldest come first, so nothing jumps ahead. */
    static final int SECTION_LIMIT = 100;

    /** The reviews listed: a year of weekly sessions. */
    static final int REVIEWS_SHOWN = 52;

    private final Caseloads caseloads;
    private final AgendaReviews reviews;
    private final AssignmentHistory assignments;
    private final FeedbackHistory feedback;
    private final SharedEntryHistory entries;
    private final MeasureHistory measures;
    private final Clock clock;

    ReviewAgenda(Caseloads caseloads, AgendaReviews reviews, AssignmentHistory assignments, FeedbackHistory feedback,
                 SharedEntryHistory entries, MeasureHistory measures, Clock clock) {
        this.caseloads = caseloads;
        this.reviews = reviews;
        this.assignments = assignments;
        this.feedback = feedback;
        this.entries = entries;
        this.measures = measures;
        this.clock = clock;
    }

    @Transactional
    AgendaViews.Agenda agenda(Caller therapist, UUID clientId) {
        requireOnCaseload(therapist, clientId);
        Instant generatedAt = JournalTime.now(clock);
        Instant since = reviews.lastReviewedThrough(therapist.id(), clientId).orElse(null);
        // Nothing in the platform predates the epoch: before the first review the agenda covers everything.
        Instant after = since == null ? Instant.EPOCH : since;

        List<FeedbackHistory.AwaitingAnswer> awaiting =
                feedback.repliesAwaitingAnswerAfter(therapist, clientId, after, SECTION_LIMIT);
        Map<UUID, AssignmentViews.AssignmentSummary> replied = assignments.summaries(therapist, clientId,
                        awaiting.stream().map(FeedbackHistory.AwaitingAnswer::assignmentId).toList()).stream()
                .collect(Collectors.toMap(AssignmentViews.AssignmentSummary::id, Function.identity()));
        List<AgendaViews.ReplyThread> threads = awaiting.stream()
                .filter(thread -> replied.containsKey(thread.assignmentId()))
                .map(thread -> new AgendaViews.ReplyThread(replied.get(thread.assignmentId()), thread.feedback()))
                .toList();

        return new AgendaViews.Agenda(clientId, caseloads.displayName(clientId).orElse(null), since, generatedAt,
                assignments.handedInAfter(therapist, clientId, after, SECTION_LIMIT), threads,
                entries.sharedOrChangedAfter(therapist, clientId, after, SECTION_LIMIT),
                measures.submittedAfter(therapist, clientId, after, SECTION_LIMIT),
                assignments.overdueAfter(therapist, clientId, after, SECTION_LIMIT));
    }

    /**
     * Marks the agenda reviewed through the given time (the agenda's {@code generatedAt}). Sending the latest review's
     * time again is a repeat and changes nothing; an earlier one is refused (409): a later review already covers it.
     */
    @Transactional
    AgendaViews.Review markReviewed(Caller therapist, UUID clientId, AgendaViews.ReviewedRequest request) {
        if (request == null || request.through() == null) {
            throw BadRequestException.forField("through", "is required: the generatedAt of the agenda you reviewed");
        }
        Instant now = JournalTime.now(clock);
        if (request.through().isAfter(now)) {
            throw BadRequestException.forField("through", "is in the future: send the generatedAt of the agenda you "
                    + "reviewed");
        }
        requireOnCaseload(therapist, clientId);
        Instant through = request.through().truncatedTo(ChronoUnit.MICROS);
        reviews.lockPair(therapist.id(), clientId);
        Instant last = reviews.lastReviewedThrough(therapist.id(), clientId).orElse(null);
        if (last != null && through.isBefore(last)) {
            throw new ConflictException("A later review already covers this agenda: reload it.");
        }
        if (last == null || through.isAfter(last)) {
            reviews.insert(therapist.id(), clientId, through, now);
        }
        return new AgendaViews.Review(clientId, through, now);
    }

    /** The pair's reviews, latest first: when the therapist last went through the agenda. */
    @Transactional(readOnly = true)
    List<AgendaViews.Review> reviews(Caller therapist, UUID clientId) {
        requireOnCaseload(therapist, clientId);
        return reviews.history(therapist.id(), clientId, REVIEWS_SHOWN);
    }

    private void requireOnCaseload(Caller therapist, UUID clientId) {
        if (!caseloads.isCurrentTherapist(therapist.id(), clientId)) {
            throw new NotFoundException();
        }
    }
}
