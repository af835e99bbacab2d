package org.securebase.platform.contracts;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every person of a practice holds exactly one of the roles {@code client}, {@code therapist} and {@code admin}.
 * Someone holding two would pass the rules written for either and then act, inside a service, with whichever the
 * code looked at first (a therapist who is also a client could write answers in a client's name). So a token that
 * carries more than one of them is refused wherever tokens are read: the gateway and every service check it with
 * this one rule.
 */
public final class PersonRoles {

    /** Keycloak's realm role names of the three person roles. */
    public static final List<String> NAMES = List.of("client", "therapist", "admin");

    private PersonRoles() {
    }

    /**
     * The person roles named in a token's {@code realm_access} claim (a map whose {@code roles} is a list of
     * strings), compared as the services compare them: trimmed, in lower case. Anything else is not a role.
     */
    public static Set<String> heldIn(Object realmAccessClaim) {
        Set<String> held = new TreeSet<>();
        if (realmAccessClaim instanceof Map<?, ?> realmAccess && realmAccess.get("roles") instanceof Collection<?> roles) {
            for (Object role : roles) {
                if (role instanceof String name) {
                    String normalized = name.trim().toLowerCase(Locale.ROOT);
                    if (NAMES.contains(normalized)) {
                        held.add(normalized);
                    }
                }
            }
        }
        return held;
    }

    /** Whether the claim names more than one person role: such a token must be refused. */
    public static boolean holdsMoreThanOne(Object realmAccessClaim) {
        return heldIn(realmAccessClaim).size() > 1;
    }
}
