package org.securebase.portal.accounts;

import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** account-service's admin view of accounts, for the admin's home page. */
@Component
public class Accounts {

    private final PlatformApi api;

    public Accounts(PlatformApi api) {
        this.api = api;
    }

    public record Account(UUID id, String email, String firstName, String lastName, String displayName, String role,
                          String status, Instant invitedAt, Instant invitationSentAt, Instant activatedAt,
                          Instant deactivatedAt) {
    }

    public record AccountPage(List<Account> items, int page, int size, long totalItems, int totalPages) {
    }

    public Fetched<List<Account>> therapists() {
        return api.get(uri -> uri.path("/api/accounts").queryParam("role", "therapist").queryParam("status", "active")
                .queryParam("size", 100).build(), AccountPage.class).map(page -> page.map(AccountPage::items).orElse(List.of()));
    }

    public Fetched<List<Account>> search(String name) {
        return api.get(uri -> {
            uri.path("/api/accounts").queryParam("size", 50);
            if (name != null && !name.isBlank()) {
                uri.queryParam("name", name.strip());
            }
            return uri.build();
        }, AccountPage.class).map(page -> page.map(AccountPage::items).orElse(List.of()));
    }
}
