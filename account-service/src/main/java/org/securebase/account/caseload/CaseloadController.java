package org.securebase.account.caseload;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.securebase.account.account.AccountSnapshot;
import org.securebase.account.account.Accounts;
import org.securebase.account.account.IdentityReads;
import org.securebase.platform.security.Caller;
import org.securebase.platform.security.Role;
import org.securebase.platform.web.problem.NotFoundException;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Caseload endpoints. {@code GET /api/accounts/caseload} is the therapist's own; the rest are for admins
 * (enforced by the URL rules in AccountServiceSecurity).
 */
@RestController
@RequestMapping("/api/accounts")
class CaseloadController {

    private final Caseloads caseloads;
    private final Accounts accounts;
    private final IdentityReads identityReads;

    CaseloadController(Caseloads caseloads, Accounts accounts, IdentityReads identityReads) {
        this.caseloads = caseloads;
        this.accounts = accounts;
        this.identityReads = identityReads;
    }

    /** The calling therapist's clients. */
    @GetMapping("/caseload")
    List<CaseloadClientView> myCaseload(Caller therapist) {
        return viewOf(caseloads.caseloadOf(therapist.id()), therapist);
    }

    /** A therapist's clients (admin). 404 unless the account is a therapist. */
    @GetMapping("/{therapistId}/caseload")
    List<CaseloadClientView> caseloadOf(@PathVariable UUID therapistId, Caller admin) {
        AccountSnapshot therapist = accounts.get(therapistId);
        if (therapist.role() != Role.THERAPIST) {
            throw new NotFoundException();
        }
        return viewOf(caseloads.caseloadOf(therapistId), admin);
    }

    /** Assigns the client to a therapist, or reassigns them (the previous assignment ends). */
    @PutMapping("/{clientId}/therapist")
    AssignmentView assign(@PathVariable UUID clientId, @Valid @RequestBody TherapistChoice choice, Caller admin) {
        return viewOf(caseloads.assign(clientId, choice.therapistId(), admin.id()));
    }

    /** Takes the client off their therapist's caseload. 204 also when they had none. */
    @DeleteMapping("/{clientId}/therapist")
    ResponseEntity<Void> unassign(@PathVariable UUID clientId, Caller admin) {
        caseloads.unassign(clientId, admin.id());
        return ResponseEntity.noContent().build();
    }

    /** Every therapist the client has had, newest first. */
    @GetMapping("/{clientId}/therapist-assignments")
    List<AssignmentView> history(@PathVariable UUID clientId, Caller admin) {
        identityReads.opened(admin, accounts.get(clientId), IdentityReads.View.CASELOAD_HISTORY);
        return caseloads.historyOf(clientId).stream().map(this::viewOf).toList();
    }

    private List<CaseloadClientView> viewOf(List<Assignment> assignments, Caller reader) {
        // One query for all the clients, not one per row: a caseload of 50 cost 50 round trips and transactions.
        Map<UUID, AccountSnapshot> clients = accounts.findAll(assignments.stream().map(Assignment::clientId).toList());
        identityReads.listed(reader, clients.values(), IdentityReads.View.CASELOAD);
        return assignments.stream()
                .map(assignment -> Optional.ofNullable(clients.get(assignment.clientId()))
                        .map(client -> new CaseloadClientView(client.id(), client.displayName(),
                                client.status().name().toLowerCase(Locale.ROOT), assignment.id(), assignment.startedAt())))
                .flatMap(Optional::stream)
                .toList();
    }

    private AssignmentView viewOf(Assignment assignment) {
        String therapistName = accounts.find(assignment.therapistId()).map(AccountSnapshot::displayName).orElse("");
        return new AssignmentView(assignment.id(), assignment.clientId(), assignment.therapistId(), therapistName,
                assignment.startedAt(), assignment.endedAt(),
                assignment.endReason() == null ? null : assignment.endReason().name().toLowerCase(Locale.ROOT));
    }

    /** The body of an assignment: whose caseload the client joins. */
    record TherapistChoice(@NotNull UUID therapistId) {
    }

    /** A client on a caseload. No email: the caseload is for the therapist's work, not for contacting. */
    record CaseloadClientView(UUID clientId, String displayName, String status, UUID assignmentId, Instant since) {
    }

    record AssignmentView(UUID id, UUID clientId, UUID therapistId, String therapistName, Instant startedAt,
                          Instant endedAt, String endReason) {
    }
}
