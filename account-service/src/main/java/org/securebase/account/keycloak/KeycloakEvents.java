package org.securebase.account.keycloak;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Keycloak's record of what happened to identities in the realm: its login events (sign-ins, failed sign-ins,
 * password and second-factor changes, resets) and admin events (users created or changed, role grants, credentials
 * removed), as far as account-service's service account may read them ({@code view-events}).
 */
public interface KeycloakEvents {

    /**
     * The newest events, newest first: at most {@code max} login events and {@code max} admin events, merged.
     *
     * @param person only the events about this user, when given
     * @param types  the login event types wanted (Keycloak's names); admin events are all wanted
     */
    List<KeycloakEvent> newest(Optional<UUID> person, List<String> types, int max);
}
