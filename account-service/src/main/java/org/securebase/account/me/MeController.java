package org.securebase.account.me;

import java.util.Locale;
import java.util.UUID;

import org.securebase.account.account.AccountSnapshot;
import org.securebase.account.account.AccountStatus;
import org.securebase.account.account.Accounts;
import org.securebase.account.caseload.Caseloads;
import org.securebase.account.notification.Notifications;
import org.securebase.account.reconciliation.Reconciliation;
import org.securebase.account.rights.RightsRequests;
import org.securebase.platform.security.Caller;
import org.securebase.platform.security.Role;
import org.securebase.platform.web.problem.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/accounts")
class MeController {

    private final Accounts accounts;
    private final Caseloads caseloads;
    private final Reconciliation reconciliation;
    private final Notifications notifications;
    private final RightsRequests rights;

    MeController(Accounts accounts, Caseloads caseloads, Reconciliation reconciliation, Notifications notifications,
                 RightsRequests rights) {
        this.rights = rights;
        this.accounts = accounts;
        this.caseloads = caseloads;
        this.reconciliation = reconciliation;
        this.notifications = notifications;
    }

    @GetMapping("/me")
    MeView me(Caller caller) {
        AccountSnapshot account = accounts.find(caller.id())
                // Unknown here, or the token's role differs from ours: Keycloak changed since the last
                // reconciliation, so settle this one person now rather than answer from stale data.
                .filter(known -> known.role() == caller.role())
                .or(() -> reconciliation.reconcileOne(caller.id()))
                .orElseThrow(NotFoundException::new);
        if (account.status() == AccountStatus.DEACTIVATED || account.status() == AccountStatus.DELETED) {
            // Their access token may live a few more minutes after deactivation; this service refuses it at once.
            throw new AccessDeniedException("account deactivated");
        }
        if (account.status() == AccountStatus.INVITED && accounts.activate(account.id())) {
            account = accounts.get(account.id());
        }
        TherapistView therapist = account.role() != Role.CLIENT ? null
                : caseloads.currentOf(account.id())
                        .flatMap(assignment -> accounts.find(assignment.therapistId()))
                        .map(t -> new TherapistView(t.id(), t.displayName()))
                        .orElse(null);
        return new MeView(account.id(), account.firstName(), account.lastName(), account.displayName(), account.email(),
                account.role().keycloakName(), account.status().name().toLowerCase(Locale.ROOT), therapist,
                notifications.preferencesOf(account.id()).zone().getId(),
                account.role() == Role.CLIENT ? rights.closureAskedAt(account.id()).orElse(null) : null);
    }

    /**
     * @param therapist for a client, the therapist whose caseload they are on; null otherwise or if none
     * @param zone      the time zone the person reads dates in: their own choice, else the practice's
     * @param closureAskedAt for a client who asked to close their account, when; null otherwise or once it is closed
     */
    record MeView(UUID id, String firstName, String lastName, String displayName, String email, String role,
                  String status, TherapistView therapist, String zone, java.time.Instant closureAskedAt) {
    }

    record TherapistView(UUID id, String displayName) {
    }
}
