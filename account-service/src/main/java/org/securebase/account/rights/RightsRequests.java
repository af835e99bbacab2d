package org.securebase.account.rights;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.securebase.account.account.AccountAdministration;
import org.securebase.account.account.AccountSnapshot;
import org.securebase.account.account.AccountStatus;
import org.securebase.account.account.Accounts;
import org.securebase.platform.security.Role;
import org.securebase.platform.web.problem.ConflictException;
import org.securebase.platform.web.problem.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closures, legal holds and erasures of clients' accounts. Every change to one person takes their account's row
 * lock first, so two admins (or an admin and the client) on two instances act one after the other.
 */
@Service
public class RightsRequests {

    private final RightsRepository repository;
    private final Accounts accounts;
    private final AccountAdministration administration;
    private final RetentionPolicy retention;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RightsRequests(RightsRepository repository, Accounts accounts, AccountAdministration administration,
                   RetentionPolicy retention, TransactionTemplate transaction, Clock clock) {
        this.repository = repository;
        this.accounts = accounts;
        this.administration = administration;
        this.retention = retention;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** A client asks to close their own account; asking again while it waits returns the waiting request. */
    public Closure askToClose(UUID clientId) {
        return transaction.execute(status -> {
            AccountSnapshot client = accounts.lock(clientId).orElseThrow(NotFoundException::new);
            if (client.role() != Role.CLIENT) {
                throw new ConflictException("Only a client asks to close their account here; an admin deactivates "
                        + "staff accounts.");
            }
            return repository.waitingClosureOf(clientId).orElseGet(() -> {
                Closure asked = new Closure(UUID.randomUUID(), clientId, clientId, now(), null, null, null);
                repository.insertClosure(asked);
                return asked;
            });
        });
    }

    /** The client takes back their waiting request; without one nothing changes. */
    public void withdrawClosure(UUID clientId) {
        transaction.executeWithoutResult(status -> {
            accounts.lock(clientId).orElseThrow(NotFoundException::new);
            repository.waitingClosureOf(clientId).ifPresent(waiting -> repository.markWithdrawn(waiting.id(), now()));
        });
    }

    /** When the client's request to close is waiting for an admin, when they asked. */
    public Optional<Instant> closureAskedAt(UUID clientId) {
        return repository.waitingClosureOf(clientId).map(Closure::requestedAt);
    }

    /**
     * Closes a client's account: the deactivation signs them out everywhere, cancels what was still to be sent to
     * them and ends their caseload; the closure starts the retention period. A waiting request is marked done;
     * without one the admin's decision is recorded as the request. Closing a closed account changes nothing.
     */
    public RetentionStanding close(UUID clientId, UUID adminId) {
        AccountSnapshot client = clientAccount(clientId);
        if (closedAt(client).isPresent()) {
            return standing(clientId);
        }
        // Keycloak first, as any deactivation: if recording the closure then fails the person is locked out (the
        // safe side) and closing again records it.
        administration.deactivate(clientId, adminId);
        transaction.executeWithoutResult(status -> {
            AccountSnapshot locked = accounts.lock(clientId).orElseThrow(NotFoundException::new);
            // Checked again under the lock: another admin (or a second click) on another instance may have closed
            // it meanwhile, or a reactivation may have reopened it after the deactivation above.
            if (closedAt(locked).isPresent()) {
                return;
            }
            if (locked.status() != AccountStatus.DEACTIVATED && locked.status() != AccountStatus.DELETED) {
                throw new ConflictException("The account was reactivated while it was being closed; close it again "
                        + "if it should be closed.");
            }
            Instant now = now();
            repository.waitingClosureOf(clientId).ifPresentOrElse(
                    waiting -> repository.markClosed(waiting.id(), adminId, now),
                    () -> repository.insertClosure(new Closure(UUID.randomUUID(), clientId, adminId, now, adminId, now, null)));
        });
        return standing(clientId);
    }

    /**
     * Erases a closed client whose retention period is over, with no hold in force (ADR 0036): records the erasure,
     * replaces their name and email with placeholders and announces {@code AccountErased} (ids only), on which
     * journal-service destroys their key and every projection forgets them; then deletes their Keycloak user. Refused
     * (409, nothing changed) while the account is open, the period runs or a hold is in force. Erasing again returns
     * the erasure, announces it once more (so that a service restored from a backup older than the erasure forgets
     * the person again) and deletes a Keycloak user that a failure left behind.
     */
    public Erasure erase(UUID clientId, UUID adminId) {
        clientAccount(clientId);
        Erasure erasure = transaction.execute(status -> {
            AccountSnapshot locked = aClient(accounts.lock(clientId).orElseThrow(NotFoundException::new));
            Optional<Erasure> done = repository.erasureOf(clientId);
            if (done.isPresent()) {
                accounts.announceErasureAgain(clientId);
                return done.get();
            }
            // Decided under the lock: a hold placed a moment ago on another instance stops the erasure.
            RetentionStanding standing = retention.standing(closedAt(locked).orElse(null), repository.holdsOf(clientId));
            refuseUnlessErasable(standing);
            Erasure recorded = new Erasure(UUID.randomUUID(), clientId, adminId, now());
            repository.insertErasure(recorded);
            accounts.erase(clientId);
            return recorded;
        });
        // After the commit: a Keycloak failure now leaves an erased account with a user that cannot sign in (it was
        // disabled at the closure), and erasing again deletes it.
        administration.deleteFromKeycloak(clientId);
        return erasure;
    }

    public Optional<Erasure> erasureOf(UUID clientId) {
        return repository.erasureOf(clientId);
    }

    public List<Erasure> recentErasures(int limit) {
        return repository.recentErasures(limit);
    }

    private static void refuseUnlessErasable(RetentionStanding standing) {
        if (standing.closedAt() == null) {
            throw new ConflictException("Only a closed account can be erased; close it first.");
        }
        if (standing.onHold()) {
            throw new ConflictException("A legal hold is in force: the record must be kept until every hold is lifted.");
        }
        if (!standing.erasable()) {
            throw new ConflictException("The retention period runs until " + standing.keepUntil()
                    + ": the record must be kept until then.");
        }
    }

    public LegalHold placeHold(UUID clientId, UUID adminId, String reason) {
        return transaction.execute(status -> {
            lockedClient(clientId);
            if (repository.erasureOf(clientId).isPresent()) {
                throw new ConflictException("This person was erased: there is no record left to hold.");
            }
            LegalHold hold = new LegalHold(UUID.randomUUID(), clientId, reason, adminId, now(), null, null);
            repository.insertHold(hold);
            return hold;
        });
    }

    /** Lifts a hold of this client; lifting a lifted hold changes nothing. Someone else's hold is a 404. */
    public LegalHold liftHold(UUID clientId, UUID holdId, UUID adminId) {
        return transaction.execute(status -> {
            lockedClient(clientId);
            LegalHold hold = repository.holdsOf(clientId).stream().filter(h -> h.id().equals(holdId)).findFirst()
                    .orElseThrow(NotFoundException::new);
            if (!hold.inForce()) {
                return hold;
            }
            Instant now = now();
            repository.liftHold(holdId, adminId, now);
            return new LegalHold(hold.id(), clientId, hold.reason(), hold.placedBy(), hold.placedAt(), adminId, now);
        });
    }

    /** Where the client's record stands under the retention policy and its holds. 404 for anyone but a client. */
    public RetentionStanding standing(UUID clientId) {
        AccountSnapshot client = clientAccount(clientId);
        return retention.standing(closedAt(client).orElse(null), repository.holdsOf(clientId));
    }

    public List<Closure> recentClosures(int limit) {
        return repository.recentClosures(limit);
    }

    public List<LegalHold> recentHolds(int limit) {
        return repository.recentHolds(limit);
    }

    /**
     * Closed means: closed by a closure, and not reactivated since. A reactivation (the person came back) clears the
     * deactivation's time; a later deactivation sets a time after the closure, which makes it a plain deactivation.
     */
    private Optional<Instant> closedAt(AccountSnapshot client) {
        if (client.status() != AccountStatus.DEACTIVATED && client.status() != AccountStatus.DELETED) {
            return Optional.empty();
        }
        return repository.lastClosureOf(client.id()).map(Closure::closedAt)
                .filter(closed -> client.deactivatedAt() != null && !closed.isBefore(client.deactivatedAt()));
    }

    /** To the microsecond, as PostgreSQL keeps it: what an answer shows is what a later read shows. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private AccountSnapshot clientAccount(UUID id) {
        return aClient(accounts.get(id));
    }

    private void lockedClient(UUID id) {
        aClient(accounts.lock(id).orElseThrow(NotFoundException::new));
    }

    /** Closures, holds and retention are about clients' records (staff accounts are deactivated): others are a 404. */
    private static AccountSnapshot aClient(AccountSnapshot account) {
        if (account.role() != Role.CLIENT) {
            throw new NotFoundException();
        }
        return account;
    }
}
