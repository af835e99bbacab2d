package org.securebase.platform.security;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The person behind the current request, as far as Secure Base is concerned.
 *
 * @param id          the Keycloak user id ({@code sub}); the key every service stores owners by
 * @param role        the person's one role
 * @param displayName {@code name}, else {@code preferred_username}, else the id; for display and
 *                    audit only, never for decisions
 */
public record Caller(UUID id, Role role, String displayName) {

    static final String NAME_CLAIM = "name";
    static final String PREFERRED_USERNAME_CLAIM = "preferred_username";

    public Caller {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(displayName, "displayName");
    }

    public boolean is(Role candidate) {
        return role == candidate;
    }

    /**
     * The caller of an authenticated JWT request, or empty when there is none: anonymous requests,
     * tokens without any known role or with more than one, or a {@code sub} that is not a UUID. The role comes from the
     * granted authorities rather than the raw claims so that whatever Spring Security decided
     * (including test set-ups such as {@code jwt().authorities(...)}) is what the service sees.
     */
    public static Optional<Caller> from(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            return Optional.empty();
        }
        Optional<UUID> id = parseCanonicalUuid(jwt.getSubject());
        Optional<Role> role = Role.onlyOf(knownRoles(authentication.getAuthorities()));
        if (id.isEmpty() || role.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Caller(id.get(), role.get(), displayNameOf(jwt, id.get())));
    }

    private static Collection<Role> knownRoles(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream()
                .map(GrantedAuthority::getAuthority)
                .map(Role::fromAuthority)
                .flatMap(Optional::stream)
                .toList();
    }

    // UUID.fromString accepts odd forms such as "1-2-3-4-5"; requiring the canonical form keeps one
    // person from having two spellings of the same id.
    private static Optional<UUID> parseCanonicalUuid(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        try {
            UUID uuid = UUID.fromString(subject);
            return uuid.toString().equals(subject.toLowerCase(Locale.ROOT)) ? Optional.of(uuid) : Optional.empty();
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    private static String displayNameOf(Jwt jwt, UUID id) {
        String name = jwt.getClaimAsString(NAME_CLAIM);
        if (name != null && !name.isBlank()) {
            return name.strip();
        }
        String username = jwt.getClaimAsString(PREFERRED_USERNAME_CLAIM);
        if (username != null && !username.isBlank()) {
            return username.strip();
        }
        return id.toString();
    }
}
