package org.securebase.journal.assignment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.securebase.journal.web.JournalTime;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client's assignments for their record (the record feature). Not audited here: the record is prepared by the
 * service, not read by a person, and each download of it is audited as one export of the whole record.
 */
@Component
public class AssignmentRecords {

    private final AssignmentRepository repository;
    private final Clock clock;

    AssignmentRecords(AssignmentRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Every assignment of the client, oldest first, with prompts, answers, plan and rating. With {@code therapistOnly}:
     * only that therapist's assignments, and answers and plan only once handed in, as that therapist reads them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<AssignmentViews.AssignmentView> of(UUID clientId, UUID therapistOnly) {
        Instant now = JournalTime.now(clock);
        return repository.everyOf(clientId, therapistOnly).stream()
                .map(assignment -> {
                    boolean answersShown = therapistOnly == null || assignment.status().isSubmitted();
                    AssignmentRepository.Additions additions = repository.additions(assignment);
                    return AssignmentViews.AssignmentView.of(assignment, repository.prompts(assignment),
                            answersShown ? repository.answers(assignment) : List.of(),
                            answersShown ? additions.plan() : null, additions.quality(), now);
                })
                .toList();
    }
}
