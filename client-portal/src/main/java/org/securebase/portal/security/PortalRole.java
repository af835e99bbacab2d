package org.securebase.portal.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The three kinds of people who use the portal, highest privilege last. */
public enum PortalRole {
    CLIENT("client"), THERAPIST("therapist"), ADMIN("admin");

    private final String claimValue;

    PortalRole(String claimValue) {
        this.claimValue = claimValue;
    }

    public String claimValue() {
        return claimValue;
    }

    /** The known roles among the token's realm roles (Keycloak's own defaults are ignored). */
    public static List<PortalRole> fromClaims(Map<String, Object> claims) {
        Collection<String> names = PortalSecurityConfiguration.realmRoles(claims);
        return Arrays.stream(values()).filter(role -> names.contains(role.claimValue)).toList();
    }

    /** The role the portal shows a person as: the highest one they hold. */
    public static Optional<PortalRole> primary(Map<String, Object> claims) {
        return fromClaims(claims).stream().max(Comparator.naturalOrder());
    }
}
