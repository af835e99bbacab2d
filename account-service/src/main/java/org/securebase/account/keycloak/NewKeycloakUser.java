package org.securebase.account.keycloak;

import java.util.List;
import java.util.Objects;

/**
 * A user to create.
 *
 * @param email           also the username; already normalised to lower case by the caller
 * @param firstName       given name
 * @param lastName        family name
 * @param requiredActions what the user must do before their first login completes
 * @param locale          their language ({@code en}, {@code es}): Keycloak's pages and emails, until they choose
 */
public record NewKeycloakUser(String email, String firstName, String lastName, List<RequiredAction> requiredActions,
                              String locale) {

    public NewKeycloakUser {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        requiredActions = List.copyOf(requiredActions);
        Objects.requireNonNull(locale, "locale");
    }

    @Override
    public String toString() {
        // Records print every component; an email address does not belong in logs.
        return "NewKeycloakUser[requiredActions=" + requiredActions + ", locale=" + locale + "]";
    }
}
