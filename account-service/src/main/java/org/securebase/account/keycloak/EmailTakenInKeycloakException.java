package org.securebase.account.keycloak;

/** Keycloak already has a user with this email or username (409); nothing was changed. */
public class EmailTakenInKeycloakException extends KeycloakException {

    public EmailTakenInKeycloakException(Throwable cause) {
        super("Keycloak already has a user with this email", 409, cause);
    }
}
