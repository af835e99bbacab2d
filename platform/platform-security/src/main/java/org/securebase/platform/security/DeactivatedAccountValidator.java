package org.securebase.platform.security;

import java.util.UUID;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/** Refuses a token whose subject is deactivated, as {@link DeactivatedAccounts} says. */
final class DeactivatedAccountValidator implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error DEACTIVATED = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "The account this token was issued to is deactivated", null);

    private final DeactivatedAccounts accounts;

    DeactivatedAccountValidator(DeactivatedAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        UUID subject;
        try {
            subject = UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException notOurs) {
            // Not a person of ours (the subject validator decides about those tokens).
            return OAuth2TokenValidatorResult.success();
        }
        boolean deactivated;
        try {
            deactivated = accounts.isDeactivated(subject);
        } catch (RuntimeException storeUnavailable) {
            // Unknown is not "active": answered 503 with Retry-After by the failure handler, not 500 and not 401.
            throw new AuthenticationServiceException("cannot tell whether the account is deactivated", storeUnavailable);
        }
        return deactivated ? OAuth2TokenValidatorResult.failure(DEACTIVATED) : OAuth2TokenValidatorResult.success();
    }
}
