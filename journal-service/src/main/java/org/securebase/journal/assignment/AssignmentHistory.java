package org.securebase.journal.assignment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.securebase.journal.audit.AccessAudit;
import org.securebase.journal.audit.AuditAction;
import org.securebase.journal.audit.AuditedResource;
import org.securebase.journal.web.JournalTime;
import org.securebase.platform.security.Caller;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happened to a therapist's homework for one client after a point in time, for the review agenda. The caller
 * has checked that the client is on the therapist's caseload; only the therapist's own assignments are included, and
 * every handed-in homework read (answers and plan) is audited in the caller's transaction.
 */
@Component
public class AssignmentHistory {

    private final AssignmentRepository repository;
    private final AccessAudit audit;
    private final Clock clock;

    AssignmentHistory(AssignmentRepository repository, AccessAudit audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    /** Homework handed in after {@code after}, oldest hand-in first, each with its prompts, answers, plan and rating. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<AssignmentViews.AssignmentView> handedInAfter(Caller therapist, UUID clientId, Instant after, int limit) {
        Instant now = JournalTime.now(clock);
        return repository.handedInAfter(therapist.id(), clientId, after, limit).stream()
                .map(assignment -> {
                    audit.recordRead(therapist, clientId, AuditedResource.ASSIGNMENT, assignment.id(), AuditAction.READ);
                    AssignmentRepository.Additions additions = repository.additions(assignment);
                    return AssignmentViews.AssignmentView.of(assignment, repository.prompts(assignment),
                            repository.answers(assignment), additions.plan(), additions.quality(), now);
                })
                .toList();
    }

    /** Homework whose due time passed after {@code after} without a hand-in, earliest due first (no clinical text). */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<AssignmentViews.AssignmentSummary> overdueAfter(Caller therapist, UUID clientId, Instant after, int limit) {
        Instant now = JournalTime.now(clock);
        return repository.overdueAfter(therapist.id(), clientId, after, now, limit).stream()
                .map(assignment -> AssignmentViews.AssignmentSummary.of(assignment, now))
                .toList();
    }

    /** Summaries of the given assignments that are the therapist's for this client (others are left out). */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<AssignmentViews.AssignmentSummary> summaries(Caller therapist, UUID clientId, List<UUID> ids) {
        Instant now = JournalTime.now(clock);
        return ids.stream()
                .flatMap(id -> repository.find(id, false).stream())
                .filter(assignment -> assignment.therapistId().equals(therapist.id())
                        && assignment.clientId().equals(clientId))
                .map(assignment -> AssignmentViews.AssignmentSummary.of(assignment, now))
                .toList();
    }
}
