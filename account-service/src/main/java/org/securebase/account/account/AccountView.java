package org.securebase.account.account;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * An account as the admin API shows it. Roles and statuses are lower-case words ({@code client},
 * {@code invited}), as the invitation request takes them.
 *
 * @param invitationSentAt when the invitation email was last handed to Keycloak; null while it is still to be
 *                         sent (it is retried automatically)
 */
public record AccountView(UUID id, String email, String firstName, String lastName, String displayName, String role,
                          String status, Instant invitedAt, Instant invitationSentAt, Instant activatedAt,
                          Instant deactivatedAt) {

    public static AccountView of(AccountSnapshot account) {
        return new AccountView(account.id(), account.email(), account.firstName(), account.lastName(),
                account.displayName(), account.role().keycloakName(), account.status().name().toLowerCase(Locale.ROOT),
                account.invitedAt(), account.invitationSentAt(), account.activatedAt(), account.deactivatedAt());
    }
}
