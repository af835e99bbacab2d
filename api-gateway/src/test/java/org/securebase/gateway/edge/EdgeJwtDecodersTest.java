package org.securebase.gateway.edge;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.gateway.support.TestClock;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The claim rules and the key-set behaviour, with tokens minted here (Keycloak never issues a token without
 * {@code exp} or with a blank {@code sub}, so those rules cannot be shown with its tokens) and a key set served
 * by a real local HTTP server that counts how often it is asked.
 */
class EdgeJwtDecodersTest {

    private static final String ISSUER = "http://localhost:8080/auth/realms/securebase";

    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicReference<String> published = new AtomicReference<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final TestClock clock = new TestClock();
    private HttpServer keyServer;
    private RSAKey key1;
    private EdgeJwtDecoders decoders;

    @BeforeEach
    void keycloakLike() throws Exception {
        key1 = rsaKey("k1");
        publish(key1);
        keyServer = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        keyServer.createContext("/certs", exchange -> {
            fetches.incrementAndGet();
            byte[] body = published.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        keyServer.start();
        decoders = decoders("http://localhost:" + keyServer.getAddress().getPort() + "/certs");
    }

    @AfterEach
    void stop() {
        keyServer.stop(0);
    }

    @Test
    void acceptsAGoodTokenAndChecksEveryClaim() throws Exception {
        Jwt jwt = decode(sign(key1, claims()), "content-service");
        assertThat(jwt.getSubject()).isEqualTo("user-1");
        // Within the 30 s skew.
        assertThat(decode(sign(key1, claims().issueTime(ago(320)).expirationTime(ago(20))), "content-service")).isNotNull();

        assertRefused(sign(key1, claims().issueTime(ago(340)).expirationTime(ago(40))), "expired beyond the skew");
        assertRefused(sign(key1, claims().expirationTime(null)), "no exp");
        assertRefused(sign(key1, claims().notBeforeTime(Date.from(clock.instant().plusSeconds(60)))), "not yet valid");
        assertRefused(sign(key1, claims().issuer("http://localhost:8180/auth/realms/securebase")), "internal issuer");
        assertRefused(sign(key1, claims().audience(List.of("journal-service"))), "other audience");
        assertRefused(sign(key1, claims().subject(" ")), "blank sub");
        assertRefused(sign(key1, claims().subject(null)), "no sub");
        assertThat(decode(sign(key1, claims().claim("realm_access", java.util.Map.of("roles",
                List.of("therapist", "mfa-required", "offline_access")))), "content-service")).as("one person role").isNotNull();
        assertRefused(sign(key1, claims().claim("realm_access", java.util.Map.of("roles", List.of("client", "therapist")))),
                "two person roles");
        SignedJWT rs384 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS384).keyID("k1").build(), claims().build());
        rs384.sign(new RSASSASigner(key1));
        assertRefused(rs384.serialize(), "RS384");
    }

    @Test
    void aTokenAcceptedBeforeIsCheckedAgainOnEveryUse() throws Exception {
        String token = sign(key1, claims());
        assertThat(decode(token, "content-service").getSubject()).isEqualTo("user-1");
        assertThat(decode(token, "content-service").getSubject()).as("remembered").isEqualTo("user-1");
        assertRefused(token, "each audience's decoder remembers for itself and checks its own audience",
                "billing-service");

        clock.shift(Duration.ofSeconds(300 + 31));
        assertRefused(token, "expired beyond the skew since it was remembered");
    }

    @Test
    void unknownKeyIdsCannotMakeTheGatewayHammerKeycloak() throws Exception {
        decode(sign(key1, claims()), "content-service");
        assertThat(fetches).hasValue(1);
        RSAKey stranger = rsaKey("k1");
        for (int i = 0; i < 50; i++) {
            assertRefused(sign(stranger, "random-" + i, claims()), "unknown kid");
        }
        assertRefused(sign(stranger, claims()), "known kid, other key");
        assertThat(fetches).hasValue(1);
        clock.shift(Duration.ofSeconds(31));
        for (int i = 0; i < 50; i++) {
            assertRefused(sign(stranger, "random-again-" + i, claims()), "unknown kid");
        }
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aRotatedKeyIsPickedUpOnceTheIntervalAllows() throws Exception {
        decode(sign(key1, claims()), "content-service");
        RSAKey key2 = rsaKey("k2");
        publish(key1, key2);
        clock.shift(Duration.ofSeconds(31));
        assertThat(decode(sign(key2, claims()), "journal-service").getSubject()).isEqualTo("user-1");
        assertThat(fetches).hasValue(2);
        // A key Keycloak no longer publishes stops working once the cached set is older than its maximum age.
        publish(key2);
        clock.shift(Duration.ofMinutes(6));
        assertRefused(sign(key1, claims()), "removed key");
        assertThat(decode(sign(key2, claims()), "content-service")).isNotNull();
    }

    @Test
    void keysAlreadyPublishedSurviveKeycloakBeingDown() throws Exception {
        decode(sign(key1, claims()), "content-service");
        status.set(503);
        clock.shift(Duration.ofMinutes(6));
        assertThat(decode(sign(key1, claims()), "content-service")).isNotNull();
        assertThat(fetches).hasValue(2);
    }

    @Test
    void withoutAnyKeysTheFailureSaysSoAndIsNotRetriedAtOnce() throws Exception {
        status.set(503);
        String token = sign(key1, claims());
        assertThatThrownBy(() -> decode(token, "content-service")).satisfies(error -> assertThat(causes(error))
                .anyMatch(KeysUnavailableException.class::isInstance));
        assertThatThrownBy(() -> decode(token, "content-service")).satisfies(error -> assertThat(causes(error))
                .anyMatch(KeysUnavailableException.class::isInstance));
        assertThat(fetches).hasValue(1);
    }

    private EdgeJwtDecoders decoders(String jwkSetUri) {
        RemoteJwkSet keys = new RemoteJwkSet(WebClient.create(), jwkSetUri, clock, Duration.ofMinutes(5),
                Duration.ofSeconds(30), Duration.ofSeconds(5));
        return new EdgeJwtDecoders(keys, ISSUER, clock);
    }

    private Jwt decode(String token, String audience) {
        return decoders.forAudience(audience).decode(token).block(Duration.ofSeconds(10));
    }

    private void assertRefused(String token, String why) {
        assertRefused(token, why, "content-service");
    }

    private void assertRefused(String token, String why, String audience) {
        assertThatThrownBy(() -> decode(token, audience)).as(why)
                .isInstanceOf(org.springframework.security.oauth2.jwt.JwtException.class);
    }

    private JWTClaimsSet.Builder claims() {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("user-1")
                .audience(List.of("content-service", "journal-service", "account-service"))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).jwtID(UUID.randomUUID().toString());
    }

    private Date ago(long seconds) {
        return Date.from(clock.instant().minusSeconds(seconds));
    }

    private static String sign(RSAKey key, JWTClaimsSet.Builder claims) throws JOSEException {
        return sign(key, key.getKeyID(), claims);
    }

    private static String sign(RSAKey key, String keyId, JWTClaimsSet.Builder claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private void publish(RSAKey... keys) {
        published.set(new JWKSet(List.of(keys).stream().map(RSAKey::toPublicJWK).map(k -> (com.nimbusds.jose.jwk.JWK) k).toList())
                .toString());
    }

    private static RSAKey rsaKey(String keyId) throws JOSEException {
        return new RSAKeyGenerator(2048).keyID(keyId).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
    }

    private static List<Throwable> causes(Throwable error) {
        java.util.ArrayList<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = error; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
