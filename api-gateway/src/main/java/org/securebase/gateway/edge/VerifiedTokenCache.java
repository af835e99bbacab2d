package org.securebase.gateway.edge;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.util.Assert;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens whose signature has been verified for one audience, so that a person's many requests with one
 * access token are not parsed and RSA-verified each time (about an eighth of the gateway's CPU in the platform
 * benchmark's profile). On every use a remembered token is validated again (expiry with skew, issuer, audience,
 * subject), so an expired token is refused as before. A token signed with a key Keycloak has since removed stays
 * accepted until it expires if it was seen before the removal, as the key cache already allows. Mirrors
 * platform-security's {@code VerifiedTokenCache}; bounded, and started over when full.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

    /** About the tokens alive at once on a busy practice (each lives 5 minutes); a few MB at most. */
    static final int DEFAULT_MAXIMUM_SIZE = 2_048;

    private final ReactiveJwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final int maximumSize;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedTokenCache(ReactiveJwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, int maximumSize) {
        Assert.isTrue(maximumSize > 0, "maximumSize must be positive");
        this.verifier = verifier;
        this.validator = validator;
        this.maximumSize = maximumSize;
    }

    @Override
    public Mono<Jwt> decode(String token) throws JwtException {
        if (token == null) {
            return verifier.decode(null);
        }
        Jwt remembered = verified.get(token);
        if (remembered == null) {
            return verifier.decode(token).doOnNext(jwt -> {
                if (verified.size() >= maximumSize) {
                    verified.clear();
                }
                verified.put(token, jwt);
            });
        }
        OAuth2TokenValidatorResult result = validator.validate(remembered);
        if (result.hasErrors()) {
            verified.remove(token);
            OAuth2Error first = result.getErrors().iterator().next();
            return Mono.error(new JwtValidationException("An error occurred while attempting to decode the Jwt: "
                    + first.getDescription(), result.getErrors()));
        }
        return Mono.just(remembered);
    }

    int size() {
        return verified.size();
    }
}
