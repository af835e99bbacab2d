package org.securebase.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Writes {@code jwks.json} (the public key) and {@code token.txt} (an RS256 access token shaped like Keycloak's:
 * issuer, the three API audiences, a subject, realm roles, one hour of life) into the given directory.
 * Keycloak itself is not started: its tokens cost the gateway and the backend exactly the same to check, and
 * the benchmark should measure them, not Keycloak's 450 MB.
 *
 * <p>Usage: {@code TokenMint <directory> <issuer>}
 */
public final class TokenMint {

    private TokenMint() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: TokenMint <directory> <issuer>");
        }
        Path directory = Path.of(args[0]);
        RSAKey key = new RSAKeyGenerator(2048).keyID("bench-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256).generate();
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(args[1])
                .subject(UUID.randomUUID().toString())
                .audience(List.of("content-service", "journal-service", "account-service"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .jwtID(UUID.randomUUID().toString())
                .claim("azp", "portal")
                .claim("typ", "Bearer")
                .claim("realm_access", Map.of("roles", List.of("client")))
                .claim("email", "client@securebase.test")
                .build();
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        token.sign(new RSASSASigner(key));
        Files.writeString(directory.resolve("jwks.json"), new JWKSet(key.toPublicJWK()).toString(), StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("token.txt"), token.serialize(), StandardCharsets.UTF_8);
    }
}
