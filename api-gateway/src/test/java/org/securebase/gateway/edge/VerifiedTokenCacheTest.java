package org.securebase.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/** The cache alone, in front of a verifier that counts its calls (the real checks: EdgeJwtDecodersTest). */
class VerifiedTokenCacheTest {

    private final AtomicInteger verifications = new AtomicInteger();
    private final AtomicBoolean claimsValid = new AtomicBoolean(true);
    private final ReactiveJwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (token.startsWith("bad")) {
            return Mono.error(new BadJwtException("signature"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("user-1").build());
    };
    private final OAuth2TokenValidator<Jwt> validator = jwt -> claimsValid.get()
            ? OAuth2TokenValidatorResult.success()
            : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Jwt expired", null));
    private final VerifiedTokenCache cache = new VerifiedTokenCache(verifier, validator, 2);

    @Test
    void verifiesATokenOnceAndValidatesItOnEveryUse() {
        cache.decode("token-a").block();
        cache.decode("token-a").block();
        assertThat(verifications).hasValue(1);

        claimsValid.set(false);
        assertThatThrownBy(() -> cache.decode("token-a").block()).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");

        claimsValid.set(true);
        cache.decode("token-a").block();
        assertThat(verifications).as("forgotten once refused").hasValue(2);
    }

    @Test
    void aTokenThatFailedVerificationIsNeverRemembered() {
        assertThatThrownBy(() -> cache.decode("bad-token").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("bad-token").block()).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void staysWithinItsBound() {
        for (int i = 0; i < 7; i++) {
            cache.decode("token-" + i).block();
            assertThat(cache.size()).isLessThanOrEqualTo(2);
        }
    }
}
