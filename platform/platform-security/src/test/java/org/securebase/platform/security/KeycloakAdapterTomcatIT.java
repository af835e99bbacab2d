package org.securebase.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The adapter and platform-web in a service's real Tomcat, where the servlet container (not MockMvc) orders the
 * filters: the token is checked before the body limit, and the answers of both stay as they are written, whether
 * the body declares its length or is chunked.
 */
@SpringBootTest(classes = KeycloakAdapterTomcatIT.ServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "securebase.web.max-body-size=1KB")
class KeycloakAdapterTomcatIT {

    private static final String OVERSIZE = "{\"note\":\"" + "x".repeat(1024) + "\"}";
    private static final String VALID_TOKEN = "a-token-the-probe-decoder-accepts";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    private int port;

    @ParameterizedTest(name = "chunked: {0}")
    @ValueSource(booleans = { false, true })
    void anAnonymousOversizeBodyIsToldToAuthenticate(boolean chunked) throws Exception {
        HttpResponse<String> response = post(OVERSIZE, chunked, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("www-authenticate")).hasValue("Bearer");
        assertThat(response.headers().firstValue("x-request-id")).isPresent();
        assertThat(response.body()).contains("\"type\":\"urn:securebase:problem:unauthorized\"");
    }

    @ParameterizedTest(name = "chunked: {0}")
    @ValueSource(booleans = { false, true })
    void anAuthenticatedOversizeBodyAnswers413AndOneWithinTheLimitArrivesWhole(boolean chunked) throws Exception {
        HttpResponse<String> refused = post(OVERSIZE, chunked, VALID_TOKEN);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("\"type\":\"urn:securebase:problem:payload-too-large\"")
                .contains("\"detail\":\"The request body may be at most 1024 bytes.\"")
                .doesNotContain("xxxx");

        String within = "{\"note\":\"Grüße " + "y".repeat(900) + "\"}";
        HttpResponse<String> accepted = post(within, chunked, VALID_TOKEN);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).isEqualTo(within);
    }

    private HttpResponse<String> post(String json, boolean chunked, String token) throws IOException, InterruptedException {
        // Without a known length the client sends the body chunked.
        BodyPublisher body = chunked
                ? BodyPublishers.fromPublisher(BodyPublishers.ofString(json))
                : BodyPublishers.ofString(json);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/probe/notes"))
                .header("Content-Type", "application/json")
                .POST(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ProbeController.class)
    static class ServiceApplication {

        /** Token checks are the decoder tests' business; here only where the chain stands among the filters. */
        @Bean
        JwtDecoder probeDecoder() {
            return token -> {
                if (!VALID_TOKEN.equals(token)) {
                    throw new BadJwtException("not the probe's token");
                }
                return Jwt.withTokenValue(token).header("alg", "RS256").subject(UUID.randomUUID().toString())
                        .claim("realm_access", Map.of("roles", List.of("therapist")))
                        .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
            };
        }
    }

    @RestController
    static class ProbeController {

        @PostMapping("/api/probe/notes")
        Map<String, Object> echo(@RequestBody Map<String, Object> note) {
            return note;
        }
    }
}
