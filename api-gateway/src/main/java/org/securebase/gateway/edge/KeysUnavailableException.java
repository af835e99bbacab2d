package org.securebase.gateway.edge;

/**
 * Keycloak's key set could not be had and none is cached: tokens cannot be checked at all, which is the
 * gateway's problem (503), not the caller's (401 would send a signed-in user to log in again for nothing).
 */
class KeysUnavailableException extends RuntimeException {

    KeysUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
