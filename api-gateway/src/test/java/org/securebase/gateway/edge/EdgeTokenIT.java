package org.securebase.gateway.edge;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.securebase.gateway.support.GatewayIntegrationTest;
import org.securebase.gateway.support.Tokens;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edge token check against real Keycloak tokens: a good token reaches the API (still carrying it), and
 * no bad one - forged, expired, for another audience, unsigned, HMAC-signed with the public key, signed by a
 * stranger - reaches any backend.
 */
class EdgeTokenIT extends GatewayIntegrationTest {

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aValidTokenReachesTheApiAndIsForwarded() {
        String token = Tokens.of(Tokens.CLIENT);
        String requestId = requestId();
        call("/api/content/articles", requestId, "Bearer " + token).expectStatus().isOk();
        List<?> seen = content.receivedWithRequestId(requestId);
        assertThat(seen).hasSize(1);
        assertThat(content.receivedWithRequestId(requestId).get(0).header("Authorization")).contains("Bearer " + token);
    }

    @Test
    void noTokenGets401ProblemWithABearerChallenge() {
        String requestId = requestId();
        client.post().uri("/api/journal/entries").header("X-Request-Id", requestId).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:securebase:problem:unauthorized")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.instance").isEqualTo("/api/journal/entries")
                .jsonPath("$.requestId").isEqualTo(requestId);
        assertThat(noBackendSaw(requestId)).isTrue();
    }

    @Test
    void aForgedTokenNeverReachesAService() throws Exception {
        String real = Tokens.of(Tokens.CLIENT);
        String[] parts = real.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String otherSubject = payload.replaceFirst("\"sub\":\"[^\"]+\"", "\"sub\":\"00000000-0000-0000-0000-000000000001\"");
        assertThat(otherSubject).isNotEqualTo(payload);
        String tamperedPayload = parts[0] + "." + base64Url(otherSubject) + "." + parts[2];

        RSAKey keycloakKey = keycloakSigningKey();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPrivateKey strangerKey = (RSAPrivateKey) generator.generateKeyPair().getPrivate();
        JWTClaimsSet claims = JWTClaimsSet.parse(payload);
        // Same kid as Keycloak's key, so the gateway does try Keycloak's key - and the signature fails.
        String signedByStranger = sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keycloakKey.getKeyID()).build(),
                claims, new RSASSASigner(strangerKey));
        String unknownKeyId = sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("not-a-keycloak-key").build(),
                claims, new RSASSASigner(strangerKey));
        String unsigned = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        // The classic confusion: HS256 with the RSA public key as the HMAC secret.
        String hmacWithPublicKey = sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keycloakKey.getKeyID()).build(),
                claims, new MACSigner(keycloakKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)));

        for (String forged : List.of(tamperedPayload, signedByStranger, unknownKeyId, unsigned, hmacWithPublicKey,
                real + "x", real.substring(0, real.length() - 4))) {
            expectInvalidToken("/api/content/articles", forged);
        }
    }

    @Test
    void anExpiredTokenNeverReachesAService() {
        String token = Tokens.of(Tokens.THERAPIST);
        call("/api/accounts/me", requestId(), "Bearer " + token).expectStatus().isOk();
        // Keycloak's tokens live 5 minutes; 10 minutes on, this one is past its expiry and the 30 s skew.
        clock.shift(Duration.ofMinutes(10));
        expectInvalidToken("/api/accounts/me", token);
    }

    @Test
    void aTokenForAnotherAudienceNeverReachesAService() throws Exception {
        String token = Tokens.otherAudience();
        List<String> audience = SignedJWT.parse(token).getJWTClaimsSet().getAudience();
        assertThat(audience).doesNotContain("content-service", "journal-service", "account-service");
        for (String path : List.of("/api/content/articles", "/api/journal/assignments", "/api/accounts/me")) {
            expectInvalidToken(path, token);
        }
    }

    @Test
    void malformedAuthorizationGets400AndNeverReachesAService() {
        String token = Tokens.of(Tokens.CLIENT);
        for (List<String> authorization : List.of(List.of("Bearer " + token, "Bearer " + token),
                List.of("Bearer not a token"), List.of("Bearer a\"b"))) {
            String requestId = requestId();
            client.get().uri("/api/content/articles").header("X-Request-Id", requestId)
                    .header(HttpHeaders.AUTHORIZATION, authorization.toArray(String[]::new)).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_request\"");
            assertThat(noBackendSaw(requestId)).as(authorization.toString()).isTrue();
        }
    }

    @Test
    void theOpenApiDocumentsArePublicButNothingElseIs() {
        for (String path : List.of("/api/content/v3/api-docs", "/api/journal/v3/api-docs/swagger-config",
                "/api/accounts/v3/api-docs")) {
            call(path, requestId(), null).expectStatus().isOk();
        }
        String requestId = requestId();
        client.post().uri("/api/content/v3/api-docs").header("X-Request-Id", requestId).exchange()
                .expectStatus().isUnauthorized();
        // Dot segments could make a protected path look like the documents to one parser and not to another.
        for (String path : List.of("/api/accounts/v3/api-docs/../../me", "/api/accounts/v3/api-docs/%2e%2e/%2e%2e/me",
                "/api/accounts//me", "/api/accounts/v3/api-docs/..%2F..%2Fme")) {
            String id = requestId();
            client.get().uri(uri(path)).header("X-Request-Id", id).exchange().expectStatus().isBadRequest();
            assertThat(noBackendSaw(id)).as(path).isTrue();
        }
        assertThat(noBackendSaw(requestId)).isTrue();
    }

    @Test
    void apiPathsOfNoApiAreNotHandedToThePortal() {
        for (String path : List.of("/api/billing/invoices", "/API/content/articles", "/api")) {
            String requestId = requestId();
            client.get().uri(uri(path)).header("X-Request-Id", requestId)
                    .header("Authorization", "Bearer " + Tokens.of(Tokens.CLIENT)).exchange()
                    .expectStatus().isNotFound();
            assertThat(noBackendSaw(requestId)).as(path).isTrue();
        }
    }

    private void expectInvalidToken(String path, String token) {
        String requestId = requestId();
        call(path, requestId, "Bearer " + token)
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.type").isEqualTo("urn:securebase:problem:invalid-token");
        assertThat(noBackendSaw(requestId)).as(token).isTrue();
    }

    private WebTestClient.ResponseSpec call(String path, String requestId, String authorization) {
        WebTestClient.RequestHeadersSpec<?> request = client.get().uri(uri(path)).header("X-Request-Id", requestId);
        if (authorization != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return request.exchange();
    }

    private static RSAKey keycloakSigningKey() throws Exception {
        JWKSet keys = JWKSet.load(URI.create(Tokens.keycloak().jwkSetUri()).toURL());
        return keys.getKeys().stream().filter(key -> key instanceof RSAKey && "RS256".equals(String.valueOf(key.getAlgorithm())))
                .map(RSAKey.class::cast).findFirst().orElseThrow();
    }

    private static String sign(JWSHeader header, JWTClaimsSet claims, com.nimbusds.jose.JWSSigner signer) throws Exception {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
