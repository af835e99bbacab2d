package org.securebase.platform.security;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Mints Keycloak-shaped access tokens with an RSA key generated for the test run. */
final class TestTokens {

    static final String ISSUER = "http://localhost:8080/auth/realms/securebase";
    static final String AUDIENCE = "content-service";
    static final String TRUSTED_KEY_ID = "trusted-test-key";

    private final RSAKey signingKey;

    TestTokens() {
        this.signingKey = generateKey(TRUSTED_KEY_ID);
    }

    static RSAKey generateKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    RSAKey signingKey() {
        return signingKey;
    }

    /** What Keycloak's certs endpoint would publish: public keys only. */
    JWKSet publicJwkSet() {
        return new JWKSet(signingKey.toPublicJWK());
    }

    /** Claims as Keycloak issues them for a user of the securebase realm (including its default roles). */
    static JWTClaimsSet.Builder keycloakClaims(UUID subject, String... realmRoles) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> roles = new java.util.ArrayList<>(List.of(realmRoles));
        roles.addAll(List.of("offline_access", "uma_authorization", "default-roles-securebase"));
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE, "account"))
                .subject(subject.toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString())
                .claim("azp", "client-portal")
                .claim("typ", "Bearer")
                .claim("realm_access", Map.of("roles", roles))
                .claim("name", "Dana Example")
                .claim("preferred_username", "dana");
    }

    String sign(JWTClaimsSet claims) {
        return sign(claims, signingKey);
    }

    static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT)
                    .build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The adapter's properties for tokens minted here, with Keycloak's keys to be fetched from {@code jwkSetUri}. */
    static void registerKeycloak(DynamicPropertyRegistry registry, Supplier<Object> jwkSetUri) {
        registry.add("securebase.security.issuer-uri", () -> ISSUER);
        registry.add("securebase.security.audience", () -> AUDIENCE);
        registry.add("securebase.security.jwk-set-uri", jwkSetUri);
    }
}
