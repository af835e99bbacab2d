package org.securebase.journal.assignment;

import java.util.Optional;
import java.util.UUID;

import org.securebase.journal.caseload.Caseloads;
import org.securebase.platform.security.Caller;
import org.springframework.stereotype.Component;

/**
 * Who may see an assignment (the rules in {@code docs/architecture.md}, "Authorization"): the client reads their own;
 * the therapist who made it reads it while the client is on their caseload; nobody else learns that it exists, so
 * for them it is not found.
 */
@Component
class AssignmentReaders {

    private final AssignmentRepository assignments;
    private final Caseloads caseloads;

    AssignmentReaders(AssignmentRepository assignments, Caseloads caseloads) {
        this.assignments = assignments;
        this.caseloads = caseloads;
    }

    /** The assignment if the caller may read it; locked for the rest of the transaction when {@code forUpdate}. */
    Optional<Assignment> find(Caller caller, UUID id, boolean forUpdate) {
        return assignments.find(id, forUpdate).filter(found -> mayRead(caller, found));
    }

    boolean mayRead(Caller caller, Assignment assignment) {
        return switch (caller.role()) {
            case CLIENT -> assignment.clientId().equals(caller.id());
            case THERAPIST -> assignment.therapistId().equals(caller.id())
                    && caseloads.isCurrentTherapist(caller.id(), assignment.clientId());
            case ADMIN -> false;
        };
    }
}
