package org.securebase.journal.assignment;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.securebase.journal.audit.AccessAudit;
import org.securebase.journal.audit.AuditAction;
import org.securebase.journal.audit.AuditedResource;
import org.securebase.journal.web.JournalTime;
import org.securebase.platform.security.Caller;
import org.securebase.platform.security.Role;
import org.securebase.platform.web.problem.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other features (feedback, journal entries) do with an assignment, in their own transaction: check it is
 * the client's, open its feedback thread (which marks feedback seen and audits a therapist's read), review an
 * answer (a step of the workflow) and reply as the client (activity). An assignment the caller may not see is not
 * found (404).
 */
@Component
public class AssignmentParticipation {

    private final AssignmentRepository assignments;
    private final AssignmentReaders readers;
    private final AccessAudit audit;
    private final Clock clock;

    AssignmentParticipation(AssignmentRepository assignments, AssignmentReaders readers, AccessAudit audit, Clock clock) {
        this.assignments = assignments;
        this.readers = readers;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the assignment exists and is the client's. */
    @Transactional(readOnly = true)
    public boolean belongsToClient(UUID assignmentId, UUID clientId) {
        return assignments.existsForClient(assignmentId, clientId);
    }

    /** The parties of an assignment someone is working with, and where it stands. */
    public record Parties(UUID assignmentId, UUID clientId, UUID therapistId, AssignmentStatus status) {
    }

    /**
     * Opens the assignment for reading its feedback thread: the client's own, or the therapist's (creator, current
     * caseload; the read is audited in the caller's transaction). Otherwise 404. The owning client's read marks
     * the feedback seen (it is no longer "new" on their home page); call this before reading the thread, so the
     * thread read holds at least what was marked. A therapist's read leaves it unread for the client.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Parties openFeedbackThread(Caller caller, UUID assignmentId) {
        Assignment assignment = readers.find(caller, assignmentId, false).orElseThrow(NotFoundException::new);
        if (caller.is(Role.CLIENT) && assignment.hasUnreadFeedback()) {
            assignments.markFeedbackSeen(assignment.id(), caller.id(), now());
        }
        audit.recordRead(caller, assignment.clientId(), AuditedResource.ASSIGNMENT_FEEDBACK, assignment.id(),
                AuditAction.READ);
        return parties(assignment);
    }

    /**
     * For the therapist giving feedback on an answer: locks the assignment, checks it is theirs (else 404), that it
     * was submitted (else 409) and that the answer belongs to it (else 404), and marks it reviewed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Parties reviewAnswer(Caller therapist, UUID assignmentId, UUID answerId) {
        Assignment assignment = readers.find(therapist, assignmentId, true)
                .filter(found -> therapist.is(Role.THERAPIST))
                .orElseThrow(NotFoundException::new);
        Assignment.Step reviewed = assignment.reviewed(now());
        assignments.answer(assignment, answerId).orElseThrow(NotFoundException::new);
        assignments.update(reviewed.next());
        return parties(assignment);
    }

    /** For the client replying to feedback on their own submitted assignment: locks it and records the activity. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Parties replyAsClient(Caller client, UUID assignmentId) {
        Assignment assignment = assignments.find(assignmentId, true)
                .filter(found -> found.clientId().equals(client.id()))
                .orElseThrow(NotFoundException::new);
        assignments.update(assignment.repliedTo(now()).next());
        return parties(assignment);
    }

    private Instant now() {
        return JournalTime.now(clock);
    }

    private static Parties parties(Assignment assignment) {
        return new Parties(assignment.id(), assignment.clientId(), assignment.therapistId(), assignment.status());
    }
}
