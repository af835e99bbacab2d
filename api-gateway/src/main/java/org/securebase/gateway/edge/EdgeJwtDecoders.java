package org.securebase.gateway.edge;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.securebase.platform.contracts.PersonRoles;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.util.Assert;

/**
 * One reactive decoder per audience, all sharing Keycloak's key set. The rules mirror platform-security's
 * {@code KeycloakJwtDecoders}; keep the two in step.
 */
final class EdgeJwtDecoders {

    /** Tolerated clock difference between Keycloak and the gateway, as in the services. */
    static final Duration ALLOWED_CLOCK_SKEW = Duration.ofSeconds(30);

    private final RemoteJwkSet keys;
    private final String issuerUri;
    private final Clock clock;
    private final Map<String, ReactiveJwtDecoder> byAudience = new ConcurrentHashMap<>();

    EdgeJwtDecoders(RemoteJwkSet keys, String issuerUri, Clock clock) {
        Assert.hasText(issuerUri, "securebase.security.issuer-uri must not be empty");
        this.keys = keys;
        this.issuerUri = issuerUri;
        this.clock = clock;
    }

    ReactiveJwtDecoder forAudience(String audience) {
        return byAudience.computeIfAbsent(audience, this::build);
    }

    private ReactiveJwtDecoder build(String audience) {
        // Pinning RS256 rejects "alg: none" and HS256 signed with the public key as the secret.
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keys::keysFor)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        OAuth2TokenValidator<Jwt> validator = tokenValidator(issuerUri, audience, clock);
        decoder.setJwtValidator(validator);
        return new VerifiedTokenCache(decoder, validator, VerifiedTokenCache.DEFAULT_MAXIMUM_SIZE);
    }

    /** exp/nbf (with skew, exp required), iss, aud and sub; plus Spring's defaults. */
    static OAuth2TokenValidator<Jwt> tokenValidator(String issuerUri, String audience, Clock clock) {
        Assert.hasText(audience, "a route's audience must not be empty");
        JwtTimestampValidator expiryAndNotBefore = new JwtTimestampValidator(ALLOWED_CLOCK_SKEW);
        // Keycloak always sets exp; a token without one would be valid forever.
        expiryAndNotBefore.setAllowEmptyExpiryClaim(false);
        expiryAndNotBefore.setClock(clock);
        JwtClaimValidator<Object> subjectPresent = new JwtClaimValidator<>(JwtClaimNames.SUB,
                subject -> subject instanceof String text && !text.isBlank());
        // A person holds exactly one of client, therapist and admin (PersonRoles); the services refuse more, too.
        JwtClaimValidator<Object> onePersonRole = new JwtClaimValidator<>("realm_access",
                realmAccess -> !PersonRoles.holdsMoreThanOne(realmAccess));
        return JwtValidators.createDefaultWithValidators(List.of(
                expiryAndNotBefore,
                new JwtIssuerValidator(issuerUri),
                new JwtAudienceValidator(audience),
                subjectPresent,
                onePersonRole));
    }
}
