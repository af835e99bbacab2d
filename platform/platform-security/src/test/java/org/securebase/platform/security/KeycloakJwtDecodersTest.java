package org.securebase.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

class KeycloakJwtDecodersTest {

    private static final TestTokens TOKENS = new TestTokens();
    private static final UUID SUBJECT = UUID.fromString("3f6c1c2e-8f0a-4b7e-9d55-0c2a4f1e9b10");

    private final JwtDecoder decoder = KeycloakJwtDecoders.fromJwkSource(
            new ImmutableJWKSet<>(TOKENS.publicJwkSet()), TestTokens.ISSUER, TestTokens.AUDIENCE);

    @Test
    void acceptsAValidKeycloakTokenAndMapsOnlyKnownRoles() {
        Jwt jwt = decoder.decode(TOKENS.sign(TestTokens.keycloakClaims(SUBJECT, "therapist", "mfa-required",
                "offline_access").build()));

        assertThat(jwt.getSubject()).isEqualTo(SUBJECT.toString());
        JwtAuthenticationConverter converter = new KeycloakAdapterAutoConfiguration().keycloakJwtAuthenticationConverter();
        var authentication = converter.convert(jwt);
        // Spring Security 7 also adds a FACTOR_BEARER authority (how the user authenticated); roles are ours alone.
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .filteredOn(authority -> authority.startsWith("ROLE_"))
                .containsExactly("ROLE_THERAPIST");
        assertThat(authentication.getName()).isEqualTo(SUBJECT.toString());
        assertThat(Caller.from(authentication)).contains(new Caller(SUBJECT, Role.THERAPIST, "Dana Example"));
    }

    @Test
    void toleratesClockSkewOfAFewSeconds() {
        Instant now = Instant.now();
        JWTClaimsSet justExpired = TestTokens.keycloakClaims(SUBJECT, "client")
                .issueTime(Date.from(now.minusSeconds(300)))
                .expirationTime(Date.from(now.minusSeconds(5)))
                .build();

        assertThat(decoder.decode(TOKENS.sign(justExpired)).getSubject()).isEqualTo(SUBJECT.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokensToReject")
    void rejects(String token) {
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(BadJwtException.class);
    }

    static Stream<Arguments> tokensToReject() throws JOSEException {
        Instant now = Instant.now();
        String valid = TOKENS.sign(TestTokens.keycloakClaims(SUBJECT, "client").build());
        return Stream.of(
                rejected("expired", TOKENS.sign(claims()
                        .issueTime(Date.from(now.minusSeconds(600)))
                        .expirationTime(Date.from(now.minusSeconds(120))).build())),
                rejected("not yet valid", TOKENS.sign(claims().notBeforeTime(Date.from(now.plusSeconds(120))).build())),
                rejected("without expiry", TOKENS.sign(claims().expirationTime(null).build())),
                rejected("issued by the internal Keycloak address", TOKENS.sign(claims()
                        .issuer("http://localhost:8180/auth/realms/securebase").build())),
                rejected("issued by another realm", TOKENS.sign(claims()
                        .issuer("http://localhost:8080/auth/realms/master").build())),
                rejected("for another audience", TOKENS.sign(claims().audience(List.of("journal-service", "account")).build())),
                rejected("without audience", TOKENS.sign(claims().audience((String) null).build())),
                rejected("without subject", TOKENS.sign(claims().subject(null).build())),
                rejected("with a blank subject", TOKENS.sign(claims().subject(" ").build())),
                rejected("alg none with the original signature", withHeader(valid, "{\"alg\":\"none\",\"typ\":\"JWT\"}", true)),
                rejected("alg none without signature", withHeader(valid, "{\"alg\":\"none\",\"typ\":\"JWT\"}", false)),
                rejected("unsigned plain JWT", new PlainJWT(claims().build()).serialize()),
                rejected("signed with another key under the trusted key id",
                        TestTokens.sign(claims().build(), TestTokens.generateKey(TestTokens.TRUSTED_KEY_ID))),
                rejected("signed with an unknown key", TestTokens.sign(claims().build(), TestTokens.generateKey("rogue"))),
                rejected("tampered payload (role raised to admin)", withPayload(valid,
                        TestTokens.keycloakClaims(SUBJECT, "admin").build())),
                rejected("HS256 keyed with the public key's DER bytes",
                        hs256(TOKENS.signingKey().toRSAPublicKey().getEncoded())),
                rejected("HS256 keyed with the public JWK JSON",
                        hs256(TOKENS.signingKey().toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8))),
                rejected("a person with two roles (client and therapist)",
                        TOKENS.sign(TestTokens.keycloakClaims(SUBJECT, "client", "therapist").build())),
                rejected("a person with all three roles",
                        TOKENS.sign(TestTokens.keycloakClaims(SUBJECT, "admin", "therapist", "client").build())),
                rejected("garbage", "not-a-jwt"));
    }

    private static JWTClaimsSet.Builder claims() {
        return TestTokens.keycloakClaims(SUBJECT, "client");
    }

    private static Arguments rejected(String why, String token) {
        return Arguments.of(Named.of(why, token));
    }

    private static String withHeader(String token, String headerJson, boolean keepSignature) {
        String[] parts = token.split("\\.");
        return base64Url(headerJson) + "." + parts[1] + "." + (keepSignature ? parts[2] : "");
    }

    private static String withPayload(String token, JWTClaimsSet claims) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + base64Url(claims.toString()) + "." + parts[2];
    }

    private static String hs256(byte[] secret) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                    .keyID(TestTokens.TRUSTED_KEY_ID).type(JOSEObjectType.JWT).build(), claims().build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anUnreachableKeySetIsNotABadToken() {
        JwtDecoder keycloakDown = KeycloakJwtDecoders.fromJwkSetUri(LocalJwksEndpoint.unreachableUri(),
                TestTokens.ISSUER, TestTokens.AUDIENCE);
        String token = TOKENS.sign(claims().build());

        // Twice a refused connection, then held back by the fetch rate limit: never "bad token".
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThatThrownBy(() -> keycloakDown.decode(token))
                    .isInstanceOf(JwtException.class)
                    .isNotInstanceOf(BadJwtException.class)
                    .hasCauseInstanceOf(KeySourceException.class);
        }
    }

    @Test
    void anUnknownKeyIdIsABadTokenEvenWhenTheKeySetWasReadMomentsAgo() {
        try (LocalJwksEndpoint keycloak = LocalJwksEndpoint.serving(TOKENS.publicJwkSet())) {
            JwtDecoder remote = KeycloakJwtDecoders.fromJwkSetUri(keycloak.uri(), TestTokens.ISSUER, TestTokens.AUDIENCE);
            assertThat(remote.decode(TOKENS.sign(claims().build())).getSubject()).isEqualTo(SUBJECT.toString());

            // Each unknown key id re-reads the set (rotation), at most twice per 30 s; the rest must
            // still be rejected as bad tokens rather than fail as if Keycloak were down.
            for (int attempt = 1; attempt <= 4; attempt++) {
                String forged = TestTokens.sign(claims().build(), TestTokens.generateKey("rogue-" + attempt));
                assertThatThrownBy(() -> remote.decode(forged)).isInstanceOf(BadJwtException.class);
            }
        }
    }

    @Test
    void keepsCheckingWithTheCachedKeysWhenKeycloakGoesDown() {
        JwtDecoder remote;
        try (LocalJwksEndpoint keycloak = LocalJwksEndpoint.serving(TOKENS.publicJwkSet())) {
            remote = KeycloakJwtDecoders.fromJwkSetUri(keycloak.uri(), TestTokens.ISSUER, TestTokens.AUDIENCE);
            remote.decode(TOKENS.sign(claims().build()));
        }

        assertThat(remote.decode(TOKENS.sign(claims().build())).getSubject()).isEqualTo(SUBJECT.toString());
        for (int attempt = 1; attempt <= 4; attempt++) {
            String forged = TestTokens.sign(claims().build(), TestTokens.generateKey("rogue-" + attempt));
            assertThatThrownBy(() -> remote.decode(forged)).isInstanceOf(BadJwtException.class);
        }
    }

    @Test
    void realmAccessOfAnUnexpectedShapeGivesNoRoles() {
        Jwt jwt = decoder.decode(TOKENS.sign(claims().claim("realm_access", Map.of("roles", "admin")).build()));

        assertThat(new KeycloakRealmRolesConverter().convert(jwt)).isEmpty();
    }
}
