package org.securebase.account.keycloak;

import java.util.UUID;

/** The user does not exist in Keycloak (any more): deleted in the admin console, for instance. */
public class KeycloakUserNotFoundException extends KeycloakException {

    public KeycloakUserNotFoundException(UUID userId, Throwable cause) {
        super("Keycloak has no user " + userId, 404, cause);
    }
}
