package org.securebase.portal.accounts;

import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.securebase.portal.api.Sent;
import org.securebase.portal.forms.ReaderZone;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * account-service ({@code /api/accounts}), for the admin's pages, the therapist's list of clients and the
 * activation after a login. account-service validates everything again; its refusals come back as {@link Sent}.
 */
@Component
public class AccountsApi {

    private final PlatformApi api;

    public AccountsApi(PlatformApi api) {
        this.api = api;
    }

    /** Tells account-service who signed in; an invited person's first call is what makes their account active. */
    public Fetched<Optional<Accounts.Me>> me() {
        return api.get(uri -> uri.path("/api/accounts/me").build(), Accounts.Me.class);
    }

    /**
     * The time zone of a client on the signed-in therapist's caseload; empty when they are not on it (or not a
     * client).
     */
    public Fetched<Optional<ZoneId>> zoneOfClient(UUID clientId) {
        return api.get(uri -> uri.path("/api/accounts/caseload/{clientId}/zone").build(clientId), Accounts.ClientZone.class)
                .map(found -> found.flatMap(zone -> ReaderZone.parsed(zone.zone())));
    }

    /** The first 50 accounts, narrowed to those whose name contains {@code name} unless it is blank. */
    public Fetched<List<Accounts.Account>> search(String name) {
        return api.get(uri -> {
            uri.path("/api/accounts").queryParam("size", 50);
            if (name != null && !name.isBlank()) {
                uri.queryParam("name", name);
            }
            return uri.build();
        }, Accounts.AccountPage.class).map(page -> page.map(Accounts.AccountPage::items).orElse(List.of()));
    }

    /** The therapists a client can be assigned to. */
    public Fetched<List<Accounts.Account>> activeTherapists() {
        return api.get(uri -> uri.path("/api/accounts").queryParam("role", "therapist").queryParam("status", "active")
                        .queryParam("size", 100).build(), Accounts.AccountPage.class)
                .map(page -> page.map(Accounts.AccountPage::items).orElse(List.of()));
    }

    public Sent<Accounts.Account> invite(Accounts.Invitation invitation) {
        return api.post(uri -> uri.path("/api/accounts").build(), invitation, Accounts.Account.class);
    }

    /** Ends the person's sessions and blocks their logins. */
    public Sent<Void> deactivate(UUID accountId) {
        return action(accountId, "deactivation");
    }

    public Sent<Void> reactivate(UUID accountId) {
        return action(accountId, "reactivation");
    }

    /** The signed-in client asks the practice to close their account; asking again changes nothing. */
    public Sent<Void> askToClose() {
        return api.send(HttpMethod.POST, uri -> uri.path("/api/accounts/me/closure-request").build(), null, Void.class);
    }

    /** The signed-in client withdraws their waiting request to close their account. */
    public Sent<Void> withdrawClosure() {
        return api.delete(uri -> uri.path("/api/accounts/me/closure-request").build());
    }

    public Sent<Void> resendInvitation(UUID accountId) {
        return action(accountId, "invitation");
    }

    public Sent<Void> assignTherapist(UUID clientId, UUID therapistId) {
        return api.put(uri -> uri.path("/api/accounts/{id}/therapist").build(clientId),
                new Accounts.TherapistChoice(therapistId), Void.class);
    }

    /** The signed-in therapist's clients, to choose whom to assign homework and to name them on pages. */
    public Fetched<List<Accounts.CaseloadClient>> caseload() {
        return api.get(uri -> uri.path("/api/accounts/caseload").build(), Accounts.CaseloadClient[].class)
                .map(found -> found.map(List::of).orElse(List.of()));
    }

    private Sent<Void> action(UUID accountId, String action) {
        return api.send(HttpMethod.POST, uri -> uri.path("/api/accounts/{id}/{action}").build(accountId, action), null,
                Void.class);
    }
}
