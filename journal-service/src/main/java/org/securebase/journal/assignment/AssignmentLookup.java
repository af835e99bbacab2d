package org.securebase.journal.assignment;

import java.time.Clock;
import java.util.UUID;

import org.securebase.journal.audit.AccessAudit;
import org.securebase.journal.audit.AuditAction;
import org.securebase.journal.audit.AuditedResource;
import org.securebase.journal.caseload.Caseloads;
import org.securebase.journal.web.JournalTime;
import org.securebase.platform.security.Caller;
import org.securebase.platform.security.Role;
import org.securebase.platform.web.problem.ConflictException;
import org.securebase.platform.web.problem.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other features (journal entries, feedback) may ask of assignments. Access follows DESIGN.md section 3:
 * the client reads their own; the therapist who made it reads it while the client is on their caseload;
 * nobody else learns that it exists.
 */
@Component
public class AssignmentLookup {

    private final AssignmentRepository assignments;
    private final Caseloads caseloads;
    private final AccessAudit audit;
    private final Clock clock;

    AssignmentLookup(AssignmentRepository assignments, Caseloads caseloads, AccessAudit audit, Clock clock) {
        this.assignments = assignments;
        this.caseloads = caseloads;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the assignment exists and is the client's. */
    @Transactional(readOnly = true)
    public boolean belongsToClient(UUID assignmentId, UUID clientId) {
        return assignments.existsForClient(assignmentId, clientId);
    }

    /** The parties of an assignment someone is working with, and whether the answer named exists and was submitted. */
    public record Parties(UUID assignmentId, UUID clientId, UUID therapistId, AssignmentStatus status) {
    }

    /**
     * Opens the assignment for reading its feedback thread: the client's own, or the therapist's (creator, current
     * caseload; the read is audited in the caller's transaction). Otherwise 404. The owning client's read marks
     * the feedback seen (it is no longer "new" on their home page); call this before reading the thread, so the
     * thread read holds at least what was marked. A therapist's read leaves it unread for the client.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Parties readable(Caller caller, UUID assignmentId) {
        Assignment assignment = assignments.find(assignmentId, false)
                .filter(found -> canRead(caller, found))
                .orElseThrow(NotFoundException::new);
        if (caller.is(Role.CLIENT) && assignment.hasUnreadFeedback()) {
            assignments.markFeedbackSeen(assignment.id(), caller.id(), JournalTime.now(clock));
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
        Assignment assignment = assignments.find(assignmentId, true)
                .filter(found -> therapist.is(Role.THERAPIST) && canRead(therapist, found))
                .orElseThrow(NotFoundException::new);
        if (!assignment.status().isSubmitted()) {
            throw new ConflictException("Feedback can be given once the client has submitted the assignment.");
        }
        assignments.answer(assignment, answerId).orElseThrow(NotFoundException::new);
        assignments.transition(assignment.id(), AssignmentStatus.REVIEWED, JournalTime.now(clock));
        return parties(assignment);
    }

    /** For the client replying to feedback on their own submitted assignment: locks it and touches its activity. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Parties replyAsClient(Caller client, UUID assignmentId) {
        Assignment assignment = assignments.find(assignmentId, true)
                .filter(found -> found.clientId().equals(client.id()))
                .orElseThrow(NotFoundException::new);
        assignments.touch(assignment.id(), JournalTime.now(clock));
        return parties(assignment);
    }

    boolean canRead(Caller caller, Assignment assignment) {
        return switch (caller.role()) {
            case CLIENT -> assignment.clientId().equals(caller.id());
            case THERAPIST -> assignment.therapistId().equals(caller.id())
                    && caseloads.isCurrentTherapist(caller.id(), assignment.clientId());
            case ADMIN -> false;
        };
    }

    private static Parties parties(Assignment assignment) {
        return new Parties(assignment.id(), assignment.clientId(), assignment.therapistId(), assignment.status());
    }
}
