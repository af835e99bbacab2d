package org.securebase.account.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.securebase.platform.events.accounts.AccountActivated;
import org.securebase.platform.events.accounts.AccountDeactivated;
import org.securebase.platform.events.accounts.AccountErased;
import org.securebase.platform.events.accounts.AccountEvent;
import org.securebase.platform.events.accounts.AccountInvited;
import org.securebase.platform.events.accounts.AccountReactivated;
import org.securebase.platform.events.accounts.AccountRole;
import org.securebase.platform.events.accounts.RoleChanged;
import org.securebase.platform.events.accounts.StatusChangeCause;
import org.securebase.platform.events.outbox.IntegrationEvents;
import org.securebase.platform.events.outbox.PublishedEvents;
import org.securebase.platform.security.DeactivatedAccounts;
import org.securebase.platform.security.Role;
import org.securebase.platform.web.problem.NotFoundException;

import org.springframework.data.domain.PageRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account table's public face for the other features. Each change publishes its event in the caller's
 * transaction (MANDATORY where the caller combines it with other changes, e.g. a role change that also ends a
 * caseload), and reports whether anything changed.
 */
@Service
public class Accounts implements DeactivatedAccounts {

    private final AccountRepository repository;
    private final IntegrationEvents events;
    private final ApplicationEventPublisher localEvents;
    private final PublishedEvents publishedEvents;
    private final Clock clock;

    Accounts(AccountRepository repository, IntegrationEvents events, ApplicationEventPublisher localEvents,
             PublishedEvents publishedEvents, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.localEvents = localEvents;
        this.publishedEvents = publishedEvents;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<AccountSnapshot> find(UUID id) {
        return repository.findById(id).map(Account::snapshot);
    }

    /** The accounts of these ids that exist, by id, in one query (a caseload's clients). */
    @Transactional(readOnly = true)
    public Map<UUID, AccountSnapshot> findAll(Collection<UUID> ids) {
        Map<UUID, AccountSnapshot> found = new HashMap<>();
        repository.findAllById(ids).forEach(account -> found.put(account.id(), account.snapshot()));
        return found;
    }

    /**
     * Platform-security refuses the tokens of deactivated (and deleted) people with this at once, not when they
     * expire.
     */
    @Override
    @Transactional(readOnly = true)
    public boolean isDeactivated(UUID accountId) {
        return find(accountId).map(account -> account.status() == AccountStatus.DEACTIVATED
                || account.status() == AccountStatus.DELETED).orElse(false);
    }

    /** Like {@link #find} but 404 (problem+json) when there is no such account. */
    @Transactional(readOnly = true)
    public AccountSnapshot get(UUID id) {
        return find(id).orElseThrow(NotFoundException::new);
    }

    @Transactional(readOnly = true)
    public boolean emailTaken(String email) {
        return repository.existsByEmailIgnoreCase(email);
    }

    /**
     * Locks the account's row until the caller's transaction ends and returns it: changes to one person (their
     * caseload, their status) then happen one after the other, and so do their events.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<AccountSnapshot> lock(UUID id) {
        return repository.findByIdForUpdate(id).map(Account::snapshot);
    }

    /** The next sequence number of the account's event stream, for an event another feature publishes. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long nextEventSequence(UUID id) {
        return repository.findByIdForUpdate(id).orElseThrow(NotFoundException::new).nextEventSequence();
    }

    // ------------------------------------------------------------------------------------------ invitations

    /**
     * Records a person just created in Keycloak, with {@code AccountInvited}. If the reconciliation adopted the
     * Keycloak user in the meantime, that row is kept and nothing is published twice.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AccountSnapshot recordInvitation(UUID id, String email, String firstName, String lastName, Role role) {
        Optional<Account> adopted = repository.findByIdForUpdate(id);
        if (adopted.isPresent()) {
            return adopted.get().snapshot();
        }
        Instant now = clock.instant();
        // Flushed at once: the invitation's transaction also writes rows that reference the account through JDBC (the
        // person's first email language), which the database checks before JPA would flush at commit.
        Account account = repository.saveAndFlush(Account.invited(id, email, firstName, lastName, role, now));
        publish(new AccountInvited(id, account.nextEventSequence(), eventRole(role), account.displayName(), now));
        return account.snapshot();
    }

    @Transactional
    public void invitationSent(UUID id) {
        repository.findById(id).ifPresent(account -> account.invitationSent(clock.instant()));
    }

    @Transactional
    public void invitationSendFailed(UUID id) {
        repository.findById(id).ifPresent(account -> account.invitationSendFailed(clock.instant()));
    }

    /** Invited accounts whose email could not be sent yet, oldest first. */
    @Transactional(readOnly = true)
    public List<UUID> pendingInvitations(Duration olderThan, int limit) {
        return repository.findPendingInvitations(clock.instant().minus(olderThan), PageRequest.of(0, limit));
    }

    // ------------------------------------------------------------------------------------------ transitions

    /** INVITED to ACTIVE, with {@code AccountActivated}; false if they were not (or no longer) invited. */
    @Transactional
    public boolean activate(UUID id) {
        Account account = repository.findByIdForUpdate(id).orElseThrow(NotFoundException::new);
        Instant now = clock.instant();
        if (!account.activate(now)) {
            return false;
        }
        publish(new AccountActivated(id, account.nextEventSequence(), eventRole(account.role()), account.displayName(),
                now));
        return true;
    }

    /**
     * The account was deactivated (by an admin or in Keycloak), inside the transaction that did it: features that must
     * end something with it (the caseload ends every assignment of the person) listen for this.
     */
    public record Deactivated(UUID accountId) {
    }

    @Transactional
    public boolean deactivate(UUID id, StatusChangeCause cause) {
        Account account = repository.findByIdForUpdate(id).orElseThrow(NotFoundException::new);
        Instant now = clock.instant();
        if (!account.deactivate(now)) {
            return false;
        }
        publish(new AccountDeactivated(id, account.nextEventSequence(), eventRole(account.role()), cause, now));
        localEvents.publishEvent(new Deactivated(id));
        return true;
    }

    @Transactional
    public boolean reactivate(UUID id, StatusChangeCause cause) {
        Account account = repository.findByIdForUpdate(id).orElseThrow(NotFoundException::new);
        Instant now = clock.instant();
        if (!account.reactivate(now)) {
            return false;
        }
        publish(new AccountReactivated(id, account.nextEventSequence(), eventRole(account.role()), cause, now));
        return true;
    }

    /** Deleted in Keycloak: gone for good. Published as a deactivation (cause DELETED_IN_KEYCLOAK). */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean markDeleted(UUID id) {
        Account account = repository.findByIdForUpdate(id).orElseThrow(NotFoundException::new);
        Instant now = clock.instant();
        boolean wasDeactivated = account.status() == AccountStatus.DEACTIVATED;
        if (!account.markDeleted(now)) {
            return false;
        }
        if (!wasDeactivated) {
            publish(new AccountDeactivated(id, account.nextEventSequence(), eventRole(account.role()),
                    StatusChangeCause.DELETED_IN_KEYCLOAK, now));
        }
        return true;
    }

    /**
     * Forgets the person (placeholders for name and email) and announces it with ids only; every service then forgets
     * them too. False when they were erased already.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean erase(UUID id) {
        Account account = repository.findByIdForUpdate(id).orElseThrow(NotFoundException::new);
        Instant now = clock.instant();
        if (!account.erase(now)) {
            return false;
        }
        publish(new AccountErased(id, account.nextEventSequence(), eventRole(account.role()), now));
        // The outbox's sent events of this account carried the name (AccountInvited, AccountActivated).
        publishedEvents.forgetSentEventsKeyed(id.toString());
        return true;
    }

    /**
     * Announces an erasure once more, for an account erased already: after a restore of a backup from before the
     * erasure (journal-service's key vault, a projection's database), every service forgets the person again.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void announceErasureAgain(UUID id) {
        Account account = repository.findByIdForUpdate(id).orElseThrow(NotFoundException::new);
        if (account.isErased()) {
            publish(new AccountErased(id, account.nextEventSequence(), eventRole(account.role()), clock.instant()));
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public boolean changeRole(UUID id, Role role) {
        Account account = repository.findByIdForUpdate(id).orElseThrow(NotFoundException::new);
        Role previous = account.role();
        Instant now = clock.instant();
        if (!account.changeRole(role, now)) {
            return false;
        }
        publish(new RoleChanged(id, account.nextEventSequence(), eventRole(previous), eventRole(role), now));
        return true;
    }

    @Transactional
    public boolean updateProfile(UUID id, String email, String firstName, String lastName) {
        return repository.findByIdForUpdate(id)
                .map(account -> account.updateProfile(email, firstName, lastName, clock.instant()))
                .orElse(false);
    }

    /**
     * Takes over a Keycloak user this table does not know, announcing them as invited or activated (and, if they
     * are disabled, deactivated right after), so other services learn about them like about anyone else.
     */
    @Transactional
    public AccountSnapshot adopt(UUID id, String email, String firstName, String lastName, Role role,
            AccountStatus status, Instant createdAt) {
        Instant now = clock.instant();
        Account account = repository.save(Account.adopted(id, email, firstName, lastName, role, status, createdAt, now));
        if (status == AccountStatus.ACTIVE) {
            publish(new AccountActivated(id, account.nextEventSequence(), eventRole(role), account.displayName(),
                    now));
        } else {
            publish(new AccountInvited(id, account.nextEventSequence(), eventRole(role), account.displayName(),
                    createdAt));
            if (status == AccountStatus.DEACTIVATED) {
                publish(new AccountDeactivated(id, account.nextEventSequence(), eventRole(role),
                        StatusChangeCause.KEYCLOAK, now));
            }
        }
        return account.snapshot();
    }

    /** Ids of every account not deleted, in id order, one page after {@code after} (null for the first page). */
    @Transactional(readOnly = true)
    public List<UUID> liveIdsAfter(UUID after, int limit) {
        // PostgreSQL orders uuids as unsigned bytes, so the all-zero uuid is the smallest.
        return repository.findLiveIdsAfter(after == null ? new UUID(0L, 0L) : after,
                PageRequest.of(0, limit));
    }

    private void publish(AccountEvent event) {
        events.publish(event);
    }

    private static AccountRole eventRole(Role role) {
        return AccountRole.valueOf(role.name());
    }
}
