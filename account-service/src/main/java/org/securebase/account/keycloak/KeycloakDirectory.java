package org.securebase.account.keycloak;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.securebase.platform.security.Role;

/**
 * The users of the Secure Base realm in Keycloak, as far as account-service administers them. Every method is
 * one or two admin API calls and is not transactional: callers order them so that a failure half-way leaves the
 * safer state (see the invitation and deactivation services).
 */
public interface KeycloakDirectory {

    /**
     * Creates an enabled user without credentials (username = email), with the given pending required actions.
     *
     * @return the new user's id
     * @throws EmailTakenInKeycloakException if a user with this email or username exists
     * @throws KeycloakRejectedException     if Keycloak refuses the input (its user-profile validation)
     */
    UUID createUser(NewKeycloakUser user);

    /** Grants one Secure Base realm role. */
    void grantRole(UUID userId, Role role);

    /**
     * Has Keycloak email the user a link to perform {@code actions} (the invitation). Sending again issues a new
     * link; earlier links stay valid until they expire or the actions are done.
     *
     * @throws KeycloakUserNotFoundException if the user no longer exists
     */
    void sendActionsEmail(UUID userId, List<RequiredAction> actions, Duration linkLifespan);

    /** Disables the user, then ends all their sessions, so neither a new login nor a refresh token works. */
    void disableAndLogOut(UUID userId);

    /** Enables the user again. */
    void enable(UUID userId);

    /**
     * Sets the person's language in Keycloak (its {@code locale} attribute), so that its pages, its mails and the
     * portal (the ID token's {@code locale} claim) are in the language they chose in their settings.
     *
     * @throws KeycloakUserNotFoundException if the user no longer exists
     */
    void setLocale(UUID userId, String locale);

    /** Deletes the user; a user that does not exist is not an error (compensation may run twice). */
    void delete(UUID userId);

    /**
     * The id of the user whose username is exactly {@code username} (users created here have their email as
     * username). Used to find out whether a create call that timed out did create the user after all.
     */
    Optional<UUID> findIdByUsername(String username);

    /** The user with this id, with their Secure Base roles (effective realm roles), or empty if there is none. */
    Optional<KeycloakUser> find(UUID userId);

    /** One page of the users holding {@code role} directly, ordered as Keycloak lists them. */
    List<KeycloakUser> membersOf(Role role, int first, int max);
}
