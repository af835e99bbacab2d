package org.securebase.platform.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The realm roles Secure Base knows. Anything else Keycloak puts into a token
 * ({@code offline_access}, {@code uma_authorization}, {@code default-roles-*}) carries no
 * permission here.
 */
public enum Role {

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

    /**
     * The person's role, when they hold exactly one. Someone with two would otherwise pass the rules of either and act
     * with whichever the code looked at; their tokens are refused before this (platform-contracts' PersonRoles), and
     * nothing else, a test's hand-made authentication included, gets a caller.
     */
    public static Optional<Role> onlyOf(Collection<Role> roles) {
        List<Role> distinct = roles.stream().distinct().toList();
        return distinct.size() == 1 ? Optional.of(distinct.get(0)) : Optional.empty();
    }
}
