package org.securebase.portal.security;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.securebase.platform.contracts.PersonRoles;

/** The three kinds of people who use the portal. */
public enum PortalRole {
    CLIENT("client"), THERAPIST("therapist"), ADMIN("admin");

    private final String claimValue;

    PortalRole(String claimValue) {
        this.claimValue = claimValue;
    }

    public String claimValue() {
        return claimValue;
    }

    /**
     * The person's role among the token's realm roles (Keycloak's own defaults are ignored), or none when the token
     * names more than one: a person holds exactly one (PersonRoles), and the APIs refuse such a token anyway.
     */
    public static List<PortalRole> fromClaims(Map<String, Object> claims) {
        Set<String> held = PersonRoles.heldIn(claims.get("realm_access"));
        if (held.size() > 1) {
            return List.of();
        }
        return Arrays.stream(values()).filter(role -> held.contains(role.claimValue)).toList();
    }

    /** The role the portal shows a person as: their one role. */
    public static Optional<PortalRole> primary(Map<String, Object> claims) {
        return fromClaims(claims).stream().findFirst();
    }
}
