package org.securebase.account.caseload;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.securebase.account.account.AccountSnapshot;
import org.securebase.account.account.AccountStatus;
import org.securebase.account.account.Accounts;
import org.securebase.platform.events.accounts.CaseloadAssigned;
import org.securebase.platform.events.accounts.CaseloadEnded;
import org.securebase.platform.events.outbox.IntegrationEvents;
import org.securebase.platform.security.Role;
import org.securebase.platform.web.problem.BadRequestException;
import org.securebase.platform.web.problem.NotFoundException;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Assigns clients to therapists and answers who belongs to whom. */
@Service
public class Caseloads {

    static final String NOT_A_CLIENT = "is not a client: only clients can be on a therapist's caseload";
    static final String CLIENT_NOT_USABLE = "is deactivated or deleted";
    static final String NOT_AN_ACTIVE_THERAPIST = "is not an active therapist";

    private final CaseloadAssignmentRepository repository;
    private final Accounts accounts;
    private final IntegrationEvents events;
    private final Clock clock;

    Caseloads(CaseloadAssignmentRepository repository, Accounts accounts, IntegrationEvents events, Clock clock) {
        this.repository = repository;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Puts the client on the therapist's caseload, ending their current assignment if it is another therapist's.
     * Assigning to the current therapist again changes nothing and publishes nothing.
     *
     * @throws NotFoundException   if there is no such account {@code clientId}
     * @throws BadRequestException if the account is not a usable client, or {@code therapistId} is not an active
     *                             therapist
     */
    @Transactional
    public Assignment assign(UUID clientId, UUID therapistId, UUID adminId) {
        // Locked first: concurrent changes to this client wait here, so their events keep the commit order.
        AccountSnapshot client = accounts.lock(clientId).orElseThrow(NotFoundException::new);
        if (client.role() != Role.CLIENT) {
            throw BadRequestException.forField("clientId", NOT_A_CLIENT);
        }
        if (!client.isUsable()) {
            throw BadRequestException.forField("clientId", CLIENT_NOT_USABLE);
        }
        Optional<AccountSnapshot> therapist = accounts.find(therapistId);
        if (therapist.isEmpty() || therapist.get().role() != Role.THERAPIST
                || therapist.get().status() != AccountStatus.ACTIVE) {
            throw BadRequestException.forField("therapistId", NOT_AN_ACTIVE_THERAPIST);
        }
        Optional<CaseloadAssignment> current = repository.findOpenByClient(clientId);
        if (current.isPresent() && current.get().therapistId().equals(therapistId)) {
            return Assignment.of(current.get());
        }
        Instant now = clock.instant();
        current.ifPresent(open -> end(open, EndReason.REASSIGNED, adminId, now));
        // Flushed before the insert: the partial unique index allows only one open assignment per client.
        repository.flush();
        CaseloadAssignment assignment = repository.save(new CaseloadAssignment(clientId, therapistId, adminId, now));
        events.publish(new CaseloadAssigned(clientId, accounts.nextEventSequence(clientId), therapistId,
                assignment.id(), now));
        return Assignment.of(assignment);
    }

    /** Takes the client off their therapist's caseload; false if they had none. */
    @Transactional
    public boolean unassign(UUID clientId, UUID adminId) {
        accounts.lock(clientId).orElseThrow(NotFoundException::new);
        Optional<CaseloadAssignment> current = repository.findOpenByClient(clientId);
        current.ifPresent(open -> end(open, EndReason.UNASSIGNED, adminId, clock.instant()));
        return current.isPresent();
    }

    /**
     * Ends every open assignment in which the account is the client or the therapist (it lost that role, or it
     * was deleted). Runs in the caller's transaction, together with the account change that caused it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int endAllOf(UUID accountId, EndReason reason) {
        Instant now = clock.instant();
        int ended = 0;
        Optional<CaseloadAssignment> asClient = repository.findOpenByClient(accountId);
        if (asClient.isPresent()) {
            end(asClient.get(), reason, null, now);
            ended++;
        }
        for (CaseloadAssignment asTherapist : repository.findOpenByTherapist(accountId)) {
            accounts.lock(asTherapist.clientId());
            end(asTherapist, reason, null, now);
            ended++;
        }
        return ended;
    }

    /**
     * A deactivated person keeps no caseload, as client or therapist: their assignments end in the same transaction,
     * so a later reactivation gives a therapist back no client by itself (an admin assigns again).
     */
    @EventListener
    void endCaseloadsOf(Accounts.Deactivated deactivated) {
        endAllOf(deactivated.accountId(), EndReason.DEACTIVATED);
    }

    @Transactional(readOnly = true)
    public Optional<Assignment> currentOf(UUID clientId) {
        return repository.findOpenByClient(clientId).map(Assignment::of);
    }

    /** The therapist's current clients, longest-standing first. */
    @Transactional(readOnly = true)
    public List<Assignment> caseloadOf(UUID therapistId) {
        return repository.findOpenByTherapist(therapistId).stream().map(Assignment::of).toList();
    }

    /** Every assignment the client ever had, newest first. */
    @Transactional(readOnly = true)
    public List<Assignment> historyOf(UUID clientId) {
        return repository.findHistoryOfClient(clientId).stream().map(Assignment::of).toList();
    }

    private void end(CaseloadAssignment assignment, EndReason reason, UUID by, Instant now) {
        assignment.end(reason, by, now);
        events.publish(new CaseloadEnded(assignment.clientId(), accounts.nextEventSequence(assignment.clientId()),
                assignment.therapistId(), assignment.id(), reason.name(), now));
    }
}
