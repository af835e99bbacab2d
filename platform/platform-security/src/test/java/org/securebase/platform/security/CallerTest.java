package org.securebase.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class CallerTest {

    private static final UUID ID = UUID.fromString("0b7e6c1a-2d3f-4a5b-8c9d-0e1f2a3b4c5d");

    private final KeycloakRealmRolesConverter rolesConverter = new KeycloakRealmRolesConverter();

    @AfterEach
    void clearSecurityContext() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void actsWithThePersonsOneRole() {
        assertThat(callerFor(jwt(ID.toString(), "client"))).get()
                .extracting(Caller::role).isEqualTo(Role.CLIENT);
        assertThat(callerFor(jwt(ID.toString(), "therapist", "default-roles-securebase"))).get()
                .extracting(Caller::role).isEqualTo(Role.THERAPIST);
    }

    @Test
    void someoneWithTwoRolesIsNoCaller() {
        assertThat(callerFor(jwt(ID.toString(), "client", "therapist"))).isEmpty();
        assertThat(callerFor(jwt(ID.toString(), "client", "admin", "therapist"))).isEmpty();
    }

    @Test
    void ignoresKeycloakDefaultRoles() {
        Jwt onlyDefaults = jwt(ID.toString(), "offline_access", "uma_authorization", "default-roles-securebase", "ADMINISTRATOR");

        assertThat(rolesConverter.convert(onlyDefaults)).isEmpty();
        assertThat(callerFor(onlyDefaults)).isEmpty();
    }

    @Test
    void needsACanonicalUuidSubject() {
        assertThat(callerFor(jwt("service-account-portal", "client"))).isEmpty();
        assertThat(callerFor(jwt("1-2-3-4-5", "client"))).isEmpty();
    }

    @Test
    void takesTheDisplayNameFromNameThenPreferredUsernameThenId() {
        Jwt named = Jwt.withTokenValue("t").header("alg", "RS256").subject(ID.toString())
                .claim("realm_access", Map.of("roles", List.of("client")))
                .claim("name", "Ada Lovelace").claim("preferred_username", "ada").build();
        Jwt usernameOnly = Jwt.withTokenValue("t").header("alg", "RS256").subject(ID.toString())
                .claim("realm_access", Map.of("roles", List.of("client")))
                .claim("name", " ").claim("preferred_username", "ada").build();
        Jwt anonymousLooking = Jwt.withTokenValue("t").header("alg", "RS256").subject(ID.toString())
                .claim("realm_access", Map.of("roles", List.of("client"))).build();

        assertThat(callerFor(named)).get().extracting(Caller::displayName).isEqualTo("Ada Lovelace");
        assertThat(callerFor(usernameOnly)).get().extracting(Caller::displayName).isEqualTo("ada");
        assertThat(callerFor(anonymousLooking)).get().extracting(Caller::displayName).isEqualTo(ID.toString());
    }

    @Test
    void callerContextReadsTheCurrentAuthentication() {
        CallerContext callerContext = new CallerContext();
        assertThat(callerContext.current()).isEmpty();
        assertThatThrownBy(callerContext::require).isInstanceOf(AccessDeniedException.class);

        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        assertThat(callerContext.current()).isEmpty();

        Jwt jwt = jwt(ID.toString(), "therapist");
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, rolesConverter.convert(jwt)));
        assertThat(callerContext.require()).isEqualTo(new Caller(ID, Role.THERAPIST, "Test Person"));
    }

    @Test
    void roleNamesMatchKeycloakAndSpringSecurity() {
        assertThat(Role.fromKeycloakName("Therapist")).contains(Role.THERAPIST);
        assertThat(Role.fromKeycloakName("offline_access")).isEmpty();
        assertThat(Arrays.stream(Role.values()).map(Role::authority))
                .containsExactly("ROLE_CLIENT", "ROLE_THERAPIST", "ROLE_ADMIN");
    }

    private java.util.Optional<Caller> callerFor(Jwt jwt) {
        return Caller.from(new JwtAuthenticationToken(jwt, rolesConverter.convert(jwt), jwt.getSubject()));
    }

    private static Jwt jwt(String subject, String... realmRoles) {
        return Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .subject(subject)
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .claim("realm_access", Map.of("roles", List.of(realmRoles)))
                .claim("name", "Test Person")
                .build();
    }
}
