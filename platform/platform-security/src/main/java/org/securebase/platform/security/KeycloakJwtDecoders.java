package org.securebase.platform.security;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;

import com.nimbusds.jose.jwk.source.JWKSetBasedJWKSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;

import org.securebase.platform.contracts.PersonRoles;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.Assert;

/**
 * Builds the one kind of {@link org.springframework.security.oauth2.jwt.JwtDecoder} Secure Base
 * trusts: RS256 only, keys from a JWK set, and the claims checks of {@link #tokenValidator}.
 * Production and tests go through {@link #fromJwkSource} so the tests exercise the real checks.
 */
public final class KeycloakJwtDecoders {

    /** Tolerated clock difference between Keycloak and this service for {@code exp} and {@code nbf}. */
    public static final Duration ALLOWED_CLOCK_SKEW = Duration.ofSeconds(30);

    // Keycloak answers on the internal network; a slow answer is better retried than waited for,
    // and a huge one is not a JWK set.
    private static final int JWKS_CONNECT_TIMEOUT_MILLIS = 2_000;
    private static final int JWKS_READ_TIMEOUT_MILLIS = 2_000;
    private static final int JWKS_SIZE_LIMIT_BYTES = 100 * 1024;

    private KeycloakJwtDecoders() {
    }

    /**
     * A decoder whose keys come from Keycloak's certs endpoint. Nothing is fetched until the first
     * token arrives, so a service starts even when Keycloak is not up yet. Keys are cached and the
     * set is re-read (rate-limited) when a token names an unknown key id, which covers key rotation.
     *
     * <p>When no key set can be had (Keycloak down, nothing cached) decoding fails with a plain
     * {@code JwtException}, which the filter chain answers 503; a token whose key id is not in a key
     * set at hand fails with a {@code BadJwtException} (401), even when the set cannot be re-read.
     */
    public static NimbusJwtDecoder fromJwkSetUri(String jwkSetUri, String issuerUri, String audience) {
        return fromJwkSource(remoteJwkSource(jwkSetUri), issuerUri, audience);
    }

    public static NimbusJwtDecoder fromJwkSource(JWKSource<SecurityContext> signingKeys, String issuerUri,
            String audience) {
        Assert.notNull(signingKeys, "signingKeys must not be null");
        // Pinning RS256 is what rejects "alg: none" and HS256 signed with the public key as secret:
        // the key selector only ever offers RSA keys for RS256.
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(signingKeys)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(tokenValidator(issuerUri, audience));
        return decoder;
    }

    /** exp/nbf (with {@link #ALLOWED_CLOCK_SKEW}), iss, aud and sub; plus Spring's defaults (typ, cnf). */
    public static OAuth2TokenValidator<Jwt> tokenValidator(String issuerUri, String audience) {
        Assert.hasText(issuerUri, "issuerUri must not be empty");
        Assert.hasText(audience, "audience must not be empty");
        JwtTimestampValidator expiryAndNotBefore = new JwtTimestampValidator(ALLOWED_CLOCK_SKEW);
        // Keycloak always sets exp; a token without one would be valid forever.
        expiryAndNotBefore.setAllowEmptyExpiryClaim(false);
        JwtClaimValidator<Object> subjectPresent = new JwtClaimValidator<>(JwtClaimNames.SUB,
                subject -> subject instanceof String text && !text.isBlank());
        return JwtValidators.createDefaultWithValidators(List.of(
                expiryAndNotBefore,
                new JwtIssuerValidator(issuerUri),
                new JwtAudienceValidator(audience),
                subjectPresent,
                oneRolePerPerson()));
    }

    /** A token naming more than one of client, therapist and admin is refused (401): see {@link PersonRoles}. */
    public static OAuth2TokenValidator<Jwt> oneRolePerPerson() {
        OAuth2Error moreThanOneRole = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                "A person holds exactly one of the roles client, therapist and admin; this token names more", null);
        return token -> PersonRoles.holdsMoreThanOne(token.getClaims().get(KeycloakRealmRolesConverter.REALM_ACCESS_CLAIM))
                ? OAuth2TokenValidatorResult.failure(moreThanOneRole)
                : OAuth2TokenValidatorResult.success();
    }

    static JWKSource<SecurityContext> remoteJwkSource(String jwkSetUri) {
        Assert.hasText(jwkSetUri, "jwkSetUri must not be empty");
        DefaultResourceRetriever retriever = new DefaultResourceRetriever(JWKS_CONNECT_TIMEOUT_MILLIS,
                JWKS_READ_TIMEOUT_MILLIS, JWKS_SIZE_LIMIT_BYTES);
        JWKSource<SecurityContext> nimbus = JWKSourceBuilder.<SecurityContext>create(toUrl(jwkSetUri), retriever)
                .retrying(true)
                .build();
        // Without a failover source the builder always builds a JWKSetBasedJWKSource.
        if (!(nimbus instanceof JWKSetBasedJWKSource<SecurityContext> keySetBased)) {
            throw new IllegalStateException("Unexpected JWK source " + nimbus.getClass().getName());
        }
        return new CachedKeysFirstJwkSource<>(keySetBased.getJWKSetSource());
    }

    private static URL toUrl(String jwkSetUri) {
        try {
            return URI.create(jwkSetUri).toURL();
        } catch (IllegalArgumentException | MalformedURLException invalid) {
            throw new IllegalArgumentException("securebase.security.jwk-set-uri is not a valid URL", invalid);
        }
    }
}
