package org.securebase.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Maps Keycloak's {@code realm_access.roles} to {@code ROLE_CLIENT}, {@code ROLE_THERAPIST} and
 * {@code ROLE_ADMIN}. Unknown roles are dropped on purpose: Keycloak adds defaults to every user,
 * and a role nobody here checks for must not be able to match a carelessly written rule.
 */
public class KeycloakRealmRolesConverter implements Converter<Jwt, Collection<GrantedAuthority>> {

    static final String REALM_ACCESS_CLAIM = "realm_access";
    static final String ROLES_KEY = "roles";

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        // Read defensively: a claim of an unexpected shape means "no roles", never an error page.
        if (!(jwt.getClaims().get(REALM_ACCESS_CLAIM) instanceof Map<?, ?> realmAccess)
                || !(realmAccess.get(ROLES_KEY) instanceof Collection<?> realmRoles)) {
            return List.of();
        }
        return realmRoles.stream()
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .map(Role::fromKeycloakName)
                .flatMap(Optional::stream)
                .distinct()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
    }
}
