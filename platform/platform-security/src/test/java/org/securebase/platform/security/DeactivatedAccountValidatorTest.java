package org.securebase.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.jwt.Jwt;

class DeactivatedAccountValidatorTest {

    private static final UUID DEACTIVATED = UUID.randomUUID();
    private static final UUID ACTIVE = UUID.randomUUID();

    private final DeactivatedAccountValidator validator =
            new DeactivatedAccountValidator(Set.of(DEACTIVATED)::contains);

    @Test
    void refusesTheTokenOfADeactivatedAccountAsAnInvalidToken() {
        var result = validator.validate(tokenFor(DEACTIVATED.toString()));

        assertThat(result.hasErrors()).isTrue();
        assertThat(result.getErrors()).singleElement()
                .satisfies(error -> assertThat(error.getErrorCode()).isEqualTo("invalid_token"));
    }

    @Test
    void acceptsOtherAccountsAndLeavesSubjectsThatAreNoAccountIdToTheOtherValidators() {
        assertThat(validator.validate(tokenFor(ACTIVE.toString())).hasErrors()).isFalse();
        assertThat(validator.validate(tokenFor("service-account-portal")).hasErrors()).isFalse();
    }

    @Test
    void anUnreachableAccountStoreIsAServiceProblemNotAnAnswer() {
        DeactivatedAccountValidator unreachable = new DeactivatedAccountValidator(id -> {
            throw new IllegalStateException("database down");
        });

        assertThatThrownBy(() -> unreachable.validate(tokenFor(ACTIVE.toString())))
                .isInstanceOf(AuthenticationServiceException.class);
    }

    private static Jwt tokenFor(String subject) {
        return Jwt.withTokenValue("token").header("alg", "RS256").subject(subject)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300)).build();
    }
}
