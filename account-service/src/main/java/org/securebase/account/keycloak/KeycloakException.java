package org.securebase.account.keycloak;

/** A Keycloak admin API call did not do what was asked. Messages never contain email addresses or tokens. */
public abstract class KeycloakException extends RuntimeException {

    private final int status;

    protected KeycloakException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status Keycloak answered, or -1 if it did not answer. */
    public int status() {
        return status;
    }
}
