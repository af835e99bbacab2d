package org.securebase.journal.feedback;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.securebase.journal.assignment.AssignmentParticipation;
import org.securebase.journal.web.JournalTime;
import org.securebase.journal.web.TextLimits;
import org.securebase.platform.events.journal.FeedbackGiven;
import org.securebase.platform.events.outbox.IntegrationEvents;
import org.securebase.platform.security.Caller;
import org.securebase.platform.web.problem.BadRequestException;
import org.securebase.platform.web.problem.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class FeedbackService {

    private final FeedbackRepository repository;
    private final AssignmentParticipation assignments;
    private final IntegrationEvents events;
    private final Clock clock;

    FeedbackService(FeedbackRepository repository, AssignmentParticipation assignments, IntegrationEvents events, Clock clock) {
        this.repository = repository;
        this.assignments = assignments;
        this.events = events;
        this.clock = clock;
    }

    /** The therapist's feedback on one answer of a submitted assignment; marks it reviewed. */
    @Transactional
    FeedbackViews.FeedbackView give(Caller therapist, UUID assignmentId, UUID answerId, FeedbackViews.TextRequest request) {
        AssignmentParticipation.Parties parties = assignments.reviewAnswer(therapist, assignmentId, answerId);
        String body = TextLimits.required("body", request == null ? null : request.body(), TextLimits.FEEDBACK);
        UUID id = UUID.randomUUID();
        Instant now = JournalTime.now(clock);
        repository.insertFeedback(id, assignmentId, answerId, therapist.id(), parties.clientId(), body, now);
        events.publish(new FeedbackGiven(id, assignmentId, answerId, parties.clientId(), therapist.id(), now), now);
        return new FeedbackViews.FeedbackView(id, assignmentId, answerId, therapist.id(), body, now, List.of());
    }

    /** The client's reply to feedback on their own assignment. */
    @Transactional
    FeedbackViews.ReplyView reply(Caller client, UUID assignmentId, UUID feedbackId, FeedbackViews.TextRequest request) {
        if (request == null) {
            throw new BadRequestException("The request body is missing.");
        }
        AssignmentParticipation.Parties parties = assignments.replyAsClient(client, assignmentId);
        if (!repository.feedbackExists(feedbackId, parties.assignmentId())) {
            throw new NotFoundException();
        }
        String body = TextLimits.required("body", request.body(), TextLimits.REPLY);
        UUID id = UUID.randomUUID();
        Instant now = JournalTime.now(clock);
        repository.insertReply(id, feedbackId, assignmentId, client.id(), body, now);
        return new FeedbackViews.ReplyView(id, feedbackId, client.id(), body, now);
    }

    /** The feedback thread: the client's own, or the therapist's (audited). */
    @Transactional
    List<FeedbackViews.FeedbackView> thread(Caller caller, UUID assignmentId) {
        AssignmentParticipation.Parties parties = assignments.openFeedbackThread(caller, assignmentId);
        return repository.thread(assignmentId, parties.clientId());
    }
}
