package org.securebase.account.keycloak;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.securebase.platform.security.Role;

/**
 * A Keycloak user as account-service needs it.
 *
 * @param id              the Keycloak user id
 * @param email           their email (lower case)
 * @param firstName       given name (empty if unset)
 * @param lastName        family name (empty if unset)
 * @param enabled         whether Keycloak lets them log in
 * @param emailVerified   whether they proved the email is theirs (following the invitation link does)
 * @param requiredActions the actions still pending ({@code VERIFY_EMAIL}, ...)
 * @param createdAt       when the user was created
 * @param roles           the Secure Base realm roles they hold
 */
public record KeycloakUser(UUID id, String email, String firstName, String lastName, boolean enabled,
                           boolean emailVerified, Set<String> requiredActions, Instant createdAt, Set<Role> roles) {

    public KeycloakUser {
        email = email == null ? "" : email;
        firstName = firstName == null ? "" : firstName;
        lastName = lastName == null ? "" : lastName;
        requiredActions = Set.copyOf(requiredActions);
        roles = Set.copyOf(roles);
    }

    /**
     * Their Secure Base role, when they hold exactly one. Someone given two in Keycloak's console has none here: every
     * service refuses their tokens, and no account is made or changed for them until one is taken away.
     */
    public Optional<Role> onlyRole() {
        return Role.onlyOf(roles);
    }

    /** Whether Keycloak gives them more than one Secure Base role, which a person must never hold. */
    public boolean holdsSeveralRoles() {
        return roles.size() > 1;
    }

    /** Whether they have shown up: the email is verified and nothing is left to do before logging in. */
    public boolean hasCompletedInvitation() {
        return emailVerified && !requiredActions.contains(RequiredAction.VERIFY_EMAIL.keycloakAlias())
                && !requiredActions.contains(RequiredAction.UPDATE_PASSWORD.keycloakAlias());
    }

    public KeycloakUser withRoles(Set<Role> newRoles) {
        return new KeycloakUser(id, email, firstName, lastName, enabled, emailVerified, requiredActions, createdAt, newRoles);
    }

    @Override
    public String toString() {
        return "KeycloakUser[id=" + id + ", enabled=" + enabled + ", emailVerified=" + emailVerified + ", roles=" + roles + "]";
    }
}
