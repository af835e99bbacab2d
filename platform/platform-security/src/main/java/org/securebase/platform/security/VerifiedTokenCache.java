package org.securebase.platform.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.util.Assert;

/**
 * Remembers tokens whose signature has been verified, so that the portal's many calls with one access token are
 * not parsed and RSA-verified each time (about a seventh of journal-service's CPU in the platform benchmark's
 * profile; ADR 0010).
 * Only the work that depends on nothing but the token's exact bytes is skipped: on every use, a remembered token
 * goes through all the validators again (expiry and not-before, issuer, audience, subject and whether the account
 * is deactivated), so a token that expired or whose person was deactivated is refused exactly as before.
 *
 * <p>What the cache does change: a token signed with a key Keycloak has since removed stays accepted until it
 * expires (at most the realm's access-token lifespan, 5 minutes) if it was seen before the removal; the key set
 * cache already allows the same. The cache is bounded; when full it starts over.
 */
public final class VerifiedTokenCache implements JwtDecoder {

    /** About the tokens alive at once on a busy practice (each lives 5 minutes); a few MB at most. */
    public static final int DEFAULT_MAXIMUM_SIZE = 2_048;

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final int maximumSize;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    /**
     * @param verifier  the full check: parsing, signature and {@code validator}
     * @param validator what {@code verifier} validates the claims with, run again on every remembered use
     */
    public VerifiedTokenCache(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, int maximumSize) {
        Assert.isTrue(maximumSize > 0, "maximumSize must be positive");
        this.verifier = verifier;
        this.validator = validator;
        this.maximumSize = maximumSize;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        if (token == null) {
            return verifier.decode(null);
        }
        Jwt remembered = verified.get(token);
        if (remembered == null) {
            Jwt jwt = verifier.decode(token);
            if (verified.size() >= maximumSize) {
                verified.clear();
            }
            verified.put(token, jwt);
            return jwt;
        }
        OAuth2TokenValidatorResult result = validator.validate(remembered);
        if (result.hasErrors()) {
            verified.remove(token);
            OAuth2Error first = result.getErrors().iterator().next();
            throw new JwtValidationException("An error occurred while attempting to decode the Jwt: "
                    + first.getDescription(), result.getErrors());
        }
        return remembered;
    }

    int size() {
        return verified.size();
    }
}
