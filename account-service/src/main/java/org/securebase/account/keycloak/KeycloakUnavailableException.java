package org.securebase.account.keycloak;

/**
 * Keycloak could not be asked: unreachable, too slow, a 5xx, or it refused our own service account (a
 * configuration error, not the caller's). Nothing is known about whether the operation took effect unless the
 * caller checks.
 */
public class KeycloakUnavailableException extends KeycloakException {

    public KeycloakUnavailableException(String message, int status, Throwable cause) {
        super(message, status, cause);
    }
}
