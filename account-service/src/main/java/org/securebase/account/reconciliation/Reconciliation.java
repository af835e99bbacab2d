package org.securebase.account.reconciliation;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import org.securebase.account.account.AccountSnapshot;
import org.securebase.account.account.AccountStatus;
import org.securebase.account.account.Accounts;
import org.securebase.account.caseload.Caseloads;
import org.securebase.account.caseload.EndReason;
import org.securebase.platform.events.accounts.StatusChangeCause;
import org.securebase.account.keycloak.KeycloakDirectory;
import org.securebase.account.keycloak.KeycloakUser;
import org.securebase.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Compares the account table with Keycloak and applies the difference (see package-info). Each account is
 * settled in its own transaction, so one failure does not hold up the others.
 */
@Service
public class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    private final KeycloakDirectory keycloak;
    private final Accounts accounts;
    private final Caseloads caseloads;
    private final TransactionTemplate transaction;
    private final ReconciliationProperties properties;
    private final Clock clock;
    // One run at a time in this instance; a scheduled run skips while another is going.
    private final ReentrantLock running = new ReentrantLock();

    Reconciliation(KeycloakDirectory keycloak, Accounts accounts, Caseloads caseloads, TransactionTemplate transaction,
            ReconciliationProperties properties, Clock clock) {
        this.keycloak = keycloak;
        this.accounts = accounts;
        this.caseloads = caseloads;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /** Runs now, waiting for a run in progress to finish first. */
    public ReconciliationReport run() {
        running.lock();
        try {
            return reconcileAll();
        } finally {
            running.unlock();
        }
    }

    /** Runs unless a run is in progress. */
    Optional<ReconciliationReport> runUnlessRunning() {
        if (!running.tryLock()) {
            return Optional.empty();
        }
        try {
            return Optional.of(reconcileAll());
        } finally {
            running.unlock();
        }
    }

    /**
     * Settles one person now: someone with a valid token whom this table does not know yet (created in
     * Keycloak's console since the last run) is adopted at once, without the grace period.
     */
    public Optional<AccountSnapshot> reconcileOne(UUID id) {
        Optional<KeycloakUser> user = keycloak.find(id);
        Optional<AccountSnapshot> account = accounts.find(id);
        Tally tally = new Tally();
        try {
            if (account.isPresent()) {
                settle(account.get(), user, tally);
            } else if (user.isPresent()) {
                adopt(user.get(), tally);
            }
        } catch (DataIntegrityViolationException | OptimisticLockingFailureException concurrentRun) {
            // A scheduled run settled or adopted the same person a moment earlier; its result is as good.
            log.debug("Account {} was reconciled concurrently", id);
        }
        return accounts.find(id);
    }

    private ReconciliationReport reconcileAll() {
        Map<UUID, KeycloakUser> holders = roleHoldersInKeycloak();
        Tally tally = new Tally();
        Set<UUID> known = new HashSet<>();
        UUID after = null;
        List<UUID> page;
        do {
            page = accounts.liveIdsAfter(after, properties.pageSize());
            for (UUID id : page) {
                known.add(id);
                try {
                    Optional<AccountSnapshot> account = accounts.find(id);
                    if (account.isPresent()) {
                        KeycloakUser holder = holders.get(id);
                        // Not among the role holders: deleted, or holding no Secure Base role directly (e.g. through
                        // a group); one lookup tells which.
                        settle(account.get(), holder != null ? Optional.of(holder) : keycloak.find(id), tally);
                    }
                } catch (RuntimeException e) {
                    tally.failed++;
                    log.warn("Reconciling account {} failed; next run will retry", id, e);
                }
            }
            after = page.isEmpty() ? after : page.get(page.size() - 1);
        } while (page.size() == properties.pageSize());

        Instant youngest = clock.instant().minus(properties.importGrace());
        for (KeycloakUser user : holders.values()) {
            // A young user who has not completed an invitation may be one still being invited here (its row not
            // yet committed); the demo users and people made in the console have nothing pending and go at once.
            boolean mayBeInvitationInProgress = user.createdAt().isAfter(youngest) && !user.hasCompletedInvitation();
            if (known.contains(user.id()) || mayBeInvitationInProgress || accounts.find(user.id()).isPresent()) {
                continue;
            }
            try {
                adopt(user, tally);
            } catch (RuntimeException e) {
                tally.failed++;
                log.warn("Adopting Keycloak user {} failed; next run will retry", user.id(), e);
            }
        }
        ReconciliationReport report = tally.report();
        if (report.changedAnything() || report.failed() > 0) {
            log.info("Reconciliation with Keycloak: {}", report);
        } else {
            log.debug("Reconciliation with Keycloak: {}", report);
        }
        return report;
    }

    private Map<UUID, KeycloakUser> roleHoldersInKeycloak() {
        Map<UUID, KeycloakUser> holders = new HashMap<>();
        for (Role role : Role.values()) {
            int first = 0;
            List<KeycloakUser> page;
            do {
                page = keycloak.membersOf(role, first, properties.pageSize());
                for (KeycloakUser member : page) {
                    holders.merge(member.id(), member, (seen, again) -> {
                        Set<Role> roles = EnumSet.copyOf(seen.roles());
                        roles.addAll(again.roles());
                        return seen.withRoles(roles);
                    });
                }
                first += page.size();
            } while (page.size() == properties.pageSize());
        }
        return holders;
    }

    private void settle(AccountSnapshot account, Optional<KeycloakUser> found, Tally tally) {
        tally.checked++;
        UUID id = account.id();
        if (found.isEmpty()) {
            transaction.executeWithoutResult(status -> {
                caseloads.endAllOf(id, EndReason.ACCOUNT_DELETED);
                if (accounts.markDeleted(id)) {
                    tally.deleted++;
                }
            });
            return;
        }
        KeycloakUser user = found.get();
        if (user.holdsSeveralRoles()) {
            log.warn("Keycloak user {} holds several Secure Base roles {}; every token of theirs is refused; account left "
                    + "as {} until one is removed in Keycloak", id, user.roles(), account.role());
            return;
        }
        Optional<Role> role = user.onlyRole();
        if (role.isEmpty()) {
            // Nothing to map it to; their tokens carry no Secure Base role, so every service refuses them anyway.
            log.warn("Keycloak user {} holds no Secure Base role any more; account left as {}", id, account.role());
            return;
        }
        if (role.get() != account.role()) {
            transaction.executeWithoutResult(status -> {
                // Caseload first: a client who became a therapist (or the reverse) leaves every caseload.
                caseloads.endAllOf(id, EndReason.ROLE_CHANGED);
                if (accounts.changeRole(id, role.get())) {
                    tally.roleChanged++;
                }
            });
        }
        if (account.status() == AccountStatus.INVITED && user.hasCompletedInvitation() && accounts.activate(id)) {
            tally.activated++;
        }
        if (!user.enabled() && accounts.deactivate(id, StatusChangeCause.KEYCLOAK)) {
            tally.deactivated++;
        } else if (user.enabled() && account.status() == AccountStatus.DEACTIVATED
                && accounts.reactivate(id, StatusChangeCause.KEYCLOAK)) {
            tally.reactivated++;
        }
        if (!user.email().isBlank()) {
            accounts.updateProfile(id, user.email().toLowerCase(Locale.ROOT), user.firstName(), user.lastName());
        }
    }

    private void adopt(KeycloakUser user, Tally tally) {
        if (user.holdsSeveralRoles()) {
            log.warn("Keycloak user {} holds several Secure Base roles {}; not adopted until one is removed in Keycloak",
                    user.id(), user.roles());
            return;
        }
        Optional<Role> role = user.onlyRole();
        if (role.isEmpty()) {
            return;
        }
        if (user.email().isBlank()) {
            log.warn("Keycloak user {} has a Secure Base role but no email; not adopted", user.id());
            return;
        }
        AccountStatus status = !user.enabled() ? AccountStatus.DEACTIVATED
                : user.hasCompletedInvitation() ? AccountStatus.ACTIVE : AccountStatus.INVITED;
        accounts.adopt(user.id(), user.email(), user.firstName(), user.lastName(), role.get(), status, user.createdAt());
        tally.adopted++;
    }

    private static final class Tally {
        int checked;
        int adopted;
        int activated;
        int deactivated;
        int reactivated;
        int roleChanged;
        int deleted;
        int failed;

        ReconciliationReport report() {
            return new ReconciliationReport(checked, adopted, activated, deactivated, reactivated, roleChanged, deleted,
                    failed);
        }
    }
}
