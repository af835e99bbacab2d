package org.securebase.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.securebase.platform.web.requestid.RequestIdFilter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Keycloak down: its certs endpoint refuses connections, so no token can be checked. That is our
 * outage (503, retry later), not the caller's mistake (401) and never a 500; a token that is bad
 * on its face is still a 401.
 */
@WebMvcTest(controllers = KeycloakUnreachableWebMvcTest.ProbeController.class)
@ExtendWith(OutputCaptureExtension.class)
class KeycloakUnreachableWebMvcTest {

    private static final TestTokens TOKENS = new TestTokens();
    private static final String PROBLEM_JSON = "application/problem+json";

    @Autowired
    private MockMvc mvc;

    @DynamicPropertySource
    static void keycloakIsDown(DynamicPropertyRegistry registry) {
        TestTokens.registerKeycloak(registry, LocalJwksEndpoint::unreachableUri);
    }

    @Test
    void aWellFormedSignedTokenAnswers503ProblemWithRetryAfter(CapturedOutput output) throws Exception {
        String token = TOKENS.sign(TestTokens.keycloakClaims(UUID.randomUUID(), "therapist").build());

        // The first two requests try Keycloak; later ones are held back by the key set's fetch rate
        // limit and fail differently inside Nimbus. Every one of them must be the same 503.
        for (int attempt = 1; attempt <= 4; attempt++) {
            String requestId = "outage-" + attempt;
            MvcResult result = mvc.perform(get("/api/probe/ping")
                            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                            .header(RequestIdFilter.HEADER, requestId))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                    .andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"))
                    .andExpect(header().doesNotExist(HttpHeaders.WWW_AUTHENTICATE))
                    .andExpect(jsonPath("$.type").value("urn:securebase:problem:service-unavailable"))
                    .andExpect(jsonPath("$.title").value("Service unavailable"))
                    .andExpect(jsonPath("$.status").value(503))
                    .andExpect(jsonPath("$.detail").value(containsString("sign-in service cannot be reached")))
                    .andExpect(jsonPath("$.instance").value("/api/probe/ping"))
                    .andExpect(jsonPath("$.requestId").value(requestId))
                    .andReturn();

            String body = result.getResponse().getContentAsString();
            assertThat(body).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("127.0.0.1")
                    .doesNotContain("JWK").doesNotContain("Jwt");
            assertNoPartOfTheToken(body, token);
        }

        assertThat(output.getOut()).contains("WARN").contains("Cannot check the bearer token of GET /api/probe/ping")
                .contains("requestId=outage-1");
        assertNoPartOfTheToken(output.getAll(), token);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void aTokenThatIsBadOnItsFaceStillAnswers401(String token) throws Exception {
        mvc.perform(get("/api/probe/ping").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""))
                .andExpect(header().doesNotExist(HttpHeaders.RETRY_AFTER))
                .andExpect(jsonPath("$.type").value("urn:securebase:problem:invalid-token"))
                .andExpect(jsonPath("$.requestId").isNotEmpty());
    }

    static Stream<Arguments> badTokens() {
        return Stream.of(
                Arguments.of(Named.of("garbage", "not-a-jwt")),
                Arguments.of(Named.of("three parts of garbage", "abc.def.ghi")),
                Arguments.of(Named.of("unsigned", new PlainJWT(TestTokens.keycloakClaims(UUID.randomUUID(), "admin").build())
                        .serialize())),
                Arguments.of(Named.of("HS256 instead of RS256", hs256())));
    }

    @Test
    void withoutATokenAnswers401AsUsual() throws Exception {
        mvc.perform(get("/api/probe/ping"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"))
                .andExpect(jsonPath("$.type").value("urn:securebase:problem:unauthorized"));
    }

    private static void assertNoPartOfTheToken(String text, String token) {
        for (String part : token.split("\\.")) {
            assertThat(text).doesNotContain(part);
        }
    }

    private static String hs256() {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                    .keyID(TestTokens.TRUSTED_KEY_ID).type(JOSEObjectType.JWT).build(),
                    TestTokens.keycloakClaims(UUID.randomUUID(), "admin").build());
            jwt.sign(new MACSigner(new byte[32]));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @SpringBootConfiguration
    @Import(ProbeController.class)
    static class ProbeApplication {
    }

    @RestController
    @RequestMapping("/api/probe")
    static class ProbeController {

        @GetMapping("/ping")
        Map<String, String> ping() {
            return Map.of("answer", "pong");
        }
    }
}
