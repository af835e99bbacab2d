package org.securebase.platform.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * The realm roles Secure Base knows. Anything else Keycloak puts into a token
 * ({@code offline_access}, {@code uma_authorization}, {@code default-roles-*}) carries no
 * permission here.
 */
public enum Role {

    // Declared from least to most privileged: the ordinal is the precedence used by highestOf.
    CLIENT("client"),
    THERAPIST("therapist"),
    ADMIN("admin");

    private static final String AUTHORITY_PREFIX = "ROLE_";

    private final String keycloakName;

    Role(String keycloakName) {
        this.keycloakName = keycloakName;
    }

    /** The realm role name as configured in Keycloak. */
    public String keycloakName() {
        return keycloakName;
    }

    /** The Spring Security authority, so {@code hasRole("THERAPIST")} matches. */
    public String authority() {
        return AUTHORITY_PREFIX + name();
    }

    public static Optional<Role> fromKeycloakName(String realmRole) {
        if (realmRole == null) {
            return Optional.empty();
        }
        String normalized = realmRole.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(role -> role.keycloakName.equals(normalized)).findFirst();
    }

    public static Optional<Role> fromAuthority(String authority) {
        return Arrays.stream(values()).filter(role -> role.authority().equals(authority)).findFirst();
    }

    /** A person with several roles acts with the most privileged one: admin, then therapist, then client. */
    public static Optional<Role> highestOf(Collection<Role> roles) {
        return roles.stream().max(Comparator.naturalOrder());
    }
}
