package org.securebase.account.securityevent;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * One security event as the admin API shows it. The kind is a lower-case word ({@code sign_in_failed},
 * {@code second_factor_added}, {@code role_granted}, ...).
 *
 * @param personId    whom it is about (null when Keycloak did not say, e.g. a failed sign-in with an unknown name)
 * @param personName  their name as account-service knows them, or null for someone it does not know
 * @param personRole  their role word, or null
 * @param error       Keycloak's error code for a failure ({@code invalid_user_credentials}, ...), else null
 * @param ipAddress   where the request came from, as Keycloak saw it
 * @param via         {@code secure-base} for a change an admin made in the portal, {@code keycloak-console} for one
 *                    made in Keycloak's own console, {@code sign-in} for the person's own sign-in and account pages
 */
public record SecurityEventView(Instant occurredAt, String kind, UUID personId, String personName, String personRole,
                                String error, String ipAddress, String via) {

    static String word(SecurityEventKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
