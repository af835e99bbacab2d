package org.securebase.account.keycloak;

/** Keycloak refused the input (400), e.g. its user-profile validation; nothing was changed. */
public class KeycloakRejectedException extends KeycloakException {

    public KeycloakRejectedException(String message, Throwable cause) {
        super(message, 400, cause);
    }
}
