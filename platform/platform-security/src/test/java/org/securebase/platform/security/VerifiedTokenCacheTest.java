package org.securebase.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class VerifiedTokenCacheTest {

    private static final TestTokens TOKENS = new TestTokens();

    private final AtomicInteger keyLookups = new AtomicInteger();
    private final Set<UUID> deactivated = ConcurrentHashMap.newKeySet();
    private final OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
            KeycloakJwtDecoders.tokenValidator(TestTokens.ISSUER, TestTokens.AUDIENCE),
            new DeactivatedAccountValidator(deactivated::contains));
    private final VerifiedTokenCache decoder = new VerifiedTokenCache(verifier(), validator, 3);

    /** The real decoder, counting how often it needs a key (once per signature it verifies). */
    private NimbusJwtDecoder verifier() {
        ImmutableJWKSet<SecurityContext> keys = new ImmutableJWKSet<>(TOKENS.publicJwkSet());
        JWKSource<SecurityContext> counting = (JWKSelector selector, SecurityContext context) -> {
            keyLookups.incrementAndGet();
            List<JWK> found = keys.get(selector, context);
            return found;
        };
        NimbusJwtDecoder nimbus = KeycloakJwtDecoders.fromJwkSource(counting, TestTokens.ISSUER, TestTokens.AUDIENCE);
        nimbus.setJwtValidator(validator);
        return nimbus;
    }

    @Test
    void aTokenSeenBeforeIsNotVerifiedAgain() {
        String token = TOKENS.sign(TestTokens.keycloakClaims(UUID.randomUUID(), "client").build());

        Jwt first = decoder.decode(token);
        Jwt again = decoder.decode(token);

        assertThat(again.getSubject()).isEqualTo(first.getSubject());
        assertThat(keyLookups).hasValue(1);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItsPersonIsDeactivated() {
        UUID person = UUID.randomUUID();
        String token = TOKENS.sign(TestTokens.keycloakClaims(person, "client").build());
        decoder.decode(token);

        deactivated.add(person);

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("deactivated");
        deactivated.remove(person);
        assertThat(decoder.decode(token).getSubject()).isEqualTo(person.toString());
        assertThat(keyLookups).as("forgotten after the refusal, so verified afresh").hasValue(2);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItHasExpired() {
        Instant now = Instant.now();
        AtomicReference<Instant> clockReads = new AtomicReference<>(now);
        JwtTimestampValidator expiry = new JwtTimestampValidator(KeycloakJwtDecoders.ALLOWED_CLOCK_SKEW);
        expiry.setClock(new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clockReads.get();
            }
        });
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier(), expiry, 3);
        String token = TOKENS.sign(TestTokens.keycloakClaims(UUID.randomUUID(), "client").build());
        cache.decode(token);

        clockReads.set(now.plusSeconds(300).plus(KeycloakJwtDecoders.ALLOWED_CLOCK_SKEW).plusSeconds(1));

        assertThatThrownBy(() -> cache.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aTamperedCopyOfARememberedTokenIsVerifiedAndRefused() {
        String token = TOKENS.sign(TestTokens.keycloakClaims(UUID.randomUUID(), "client").build());
        decoder.decode(token);
        String[] parts = token.split("\\.");
        String otherSignature = TOKENS.sign(TestTokens.keycloakClaims(UUID.randomUUID(), "admin").build()).split("\\.")[2];

        assertThatThrownBy(() -> decoder.decode(parts[0] + "." + parts[1] + "." + otherSignature))
                .isInstanceOf(BadJwtException.class);
    }

    @Test
    void staysWithinItsBound() {
        for (int i = 0; i < 10; i++) {
            decoder.decode(TOKENS.sign(TestTokens.keycloakClaims(UUID.randomUUID(), "client").build()));
            assertThat(decoder.size()).isLessThanOrEqualTo(3);
        }
        assertThat(keyLookups).hasValue(10);
    }
}
