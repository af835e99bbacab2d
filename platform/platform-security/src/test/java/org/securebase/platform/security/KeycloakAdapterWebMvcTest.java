package org.securebase.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.securebase.platform.web.problem.ProblemJsonResults.expectProblem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.nimbusds.jwt.PlainJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.securebase.platform.web.requestid.RequestIdFilter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The adapter as a service sees it: a {@code @WebMvcTest} slice (our auto-configurations are
 * registered for it) with the decoder fetching keys over real HTTP from a local JWKS endpoint.
 */
@WebMvcTest(controllers = KeycloakAdapterWebMvcTest.ProbeController.class,
        properties = { "securebase.security.public-paths=/api/probe/open/**", "securebase.web.max-body-size=1KB" })
class KeycloakAdapterWebMvcTest {

    private static final TestTokens TOKENS = new TestTokens();
    private static final LocalJwksEndpoint JWKS_ENDPOINT = LocalJwksEndpoint.serving(TOKENS.publicJwkSet());
    private static final UUID THERAPIST_ID = UUID.fromString("6a1f0c9e-5b7d-4e2a-9f3c-1d2e3f4a5b6c");

    @Autowired
    private MockMvc mvc;

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        TestTokens.registerKeycloak(registry, JWKS_ENDPOINT::uri);
    }

    @AfterAll
    static void stopJwksServer() {
        JWKS_ENDPOINT.close();
    }

    // --- authentication ------------------------------------------------------------------

    @Test
    void withoutATokenAnswers401ProblemWithABareBearerChallenge() throws Exception {
        MvcResult result = expectProblem(mvc.perform(get("/api/probe/me")), 401, "unauthorized")
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"))
                .andExpect(jsonPath("$.instance").value("/api/probe/me"))
                .andReturn();

        String requestId = result.getResponse().getHeader(RequestIdFilter.HEADER);
        assertThat(requestId).isNotBlank();
        assertThat(result.getResponse().getContentAsString()).contains("\"requestId\":\"" + requestId + "\"");
    }

    @Test
    void anExpiredTokenAnswers401InvalidTokenWithoutEchoingIt() throws Exception {
        Instant now = Instant.now();
        String expired = TOKENS.sign(TestTokens.keycloakClaims(THERAPIST_ID, "therapist")
                .issueTime(Date.from(now.minusSeconds(900)))
                .expirationTime(Date.from(now.minusSeconds(600))).build());

        MvcResult result = expectProblem(mvc.perform(get("/api/probe/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + expired)),
                401, "invalid-token")
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""))
                .andReturn();

        String body = result.getResponse().getContentAsString();
        for (String part : expired.split("\\.")) {
            assertThat(body).doesNotContain(part);
        }
        assertThat(body).doesNotContainIgnoringCase("expired at").doesNotContain("Jwt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("untrustedTokens")
    void untrustedTokensAnswer401(String token) throws Exception {
        expectProblem(mvc.perform(get("/api/probe/ping").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)),
                401, "invalid-token");
    }

    static Stream<Arguments> untrustedTokens() {
        return Stream.of(
                Arguments.of(Named.of("wrong audience", TOKENS.sign(TestTokens.keycloakClaims(THERAPIST_ID, "therapist")
                        .audience("account").build()))),
                Arguments.of(Named.of("wrong issuer", TOKENS.sign(TestTokens.keycloakClaims(THERAPIST_ID, "therapist")
                        .issuer("http://evil.example/auth/realms/securebase").build()))),
                Arguments.of(Named.of("unsigned", new PlainJWT(TestTokens.keycloakClaims(THERAPIST_ID, "admin").build()).serialize())),
                Arguments.of(Named.of("signed by another key", TestTokens.sign(
                        TestTokens.keycloakClaims(THERAPIST_ID, "admin").build(), TestTokens.generateKey("rogue")))));
    }

    @Test
    void tokensSignedByAnUnknownKeyKeepAnswering401WhileTheKeySetIsNotReadAgain() throws Exception {
        // Each unknown key id asks for a fresh key set, but Keycloak is read at most twice per 30 s:
        // the requests held back must still be told that their token is bad, not that we are down.
        for (int attempt = 1; attempt <= 4; attempt++) {
            String forged = TestTokens.sign(TestTokens.keycloakClaims(THERAPIST_ID, "admin").build(),
                    TestTokens.generateKey("rogue-" + attempt));
            expectProblem(mvc.perform(get("/api/probe/ping").header(HttpHeaders.AUTHORIZATION, "Bearer " + forged)),
                    401, "invalid-token")
                    .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""));
        }
        mvc.perform(authorized(get("/api/probe/ping"))).andExpect(status().isOk());
    }

    @Test
    void aMalformedAuthorizationHeaderAnswers401Problem() throws Exception {
        expectProblem(mvc.perform(get("/api/probe/ping").header(HttpHeaders.AUTHORIZATION, "Bearer not a token!")),
                401, "invalid-token");
    }

    // --- the caller ----------------------------------------------------------------------

    @Test
    void aValidTokenResolvesTheCallerAsArgumentAndFromTheContext() throws Exception {
        String token = tokenFor(THERAPIST_ID, "therapist");

        for (String path : List.of("/api/probe/me", "/api/probe/me-from-context")) {
            mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.id").value(THERAPIST_ID.toString()))
                    .andExpect(jsonPath("$.role").value("THERAPIST"))
                    .andExpect(jsonPath("$.displayName").value("Dana Example"));
        }
    }

    @Test
    void aTokenNamingTwoPersonRolesAnswers401() throws Exception {
        for (String path : List.of("/api/probe/me", "/api/probe/ping", "/api/probe/admin/report")) {
            expectProblem(mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION,
                    "Bearer " + tokenFor(THERAPIST_ID, "client", "therapist"))), 401, "invalid-token");
        }
    }

    @Test
    void aTokenWithoutAKnownRoleIsAuthenticatedButGets403WhereACallerIsNeeded() throws Exception {
        String onlyKeycloakDefaults = tokenFor(THERAPIST_ID);

        mvc.perform(get("/api/probe/ping").header(HttpHeaders.AUTHORIZATION, "Bearer " + onlyKeycloakDefaults))
                .andExpect(status().isOk());
        expectProblem(mvc.perform(get("/api/probe/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + onlyKeycloakDefaults)),
                403, "forbidden");
    }

    @Test
    void serviceAuthorizationRulesAreApplied() throws Exception {
        expectProblem(mvc.perform(get("/api/probe/admin/report").header(HttpHeaders.AUTHORIZATION,
                "Bearer " + tokenFor(THERAPIST_ID, "therapist"))), 403, "forbidden");

        mvc.perform(get("/api/probe/admin/report").header(HttpHeaders.AUTHORIZATION,
                        "Bearer " + tokenFor(UUID.randomUUID(), "admin")))
                .andExpect(status().isOk());
    }

    @Test
    void publicPathsNeedNoToken() throws Exception {
        mvc.perform(get("/api/probe/open/hello")).andExpect(status().isOk());
        // A public endpoint that still asks for a Caller cannot serve an anonymous request.
        expectProblem(mvc.perform(get("/api/probe/open/me")), 401, "unauthorized")
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
        // Not 401: the health path is public; there is simply no actuator in this slice.
        expectProblem(mvc.perform(get("/actuator/health")), 404, "not-found");
    }

    @Test
    void isStatelessAndNeedsNoCsrfToken() throws Exception {
        mvc.perform(authorized(post("/api/probe/items"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Reading\",\"quantity\":1}"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));
    }

    // --- request id ----------------------------------------------------------------------

    @Test
    void aSafeRequestIdRoundTripsIntoHeaderAndTheSecurityProblem() throws Exception {
        mvc.perform(get("/api/probe/me").header(RequestIdFilter.HEADER, "gw-7f3a.42_b"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(RequestIdFilter.HEADER, "gw-7f3a.42_b"))
                .andExpect(jsonPath("$.requestId").value("gw-7f3a.42_b"));
    }

    // --- problem+json for MVC errors, through the adapter's handler -------------------------

    @Test
    void mvcErrorsAreStillProblems() throws Exception {
        expectProblem(mvc.perform(authorized(get("/api/probe/items/not-a-uuid"))), 400, "bad-request")
                .andExpect(jsonPath("$.detail").value("The parameter 'id' must be a UUID."));
        expectProblem(mvc.perform(authorized(get("/api/probe/no-such-thing-xyz"))), 404, "not-found");
    }

    // --- the body limit ------------------------------------------------------------------
    // That it runs after the token check is KeycloakAdapterTomcatIT's: this slice registers Spring Security's
    // chain as a plain filter bean, after every ordered one, where the servlet container puts it before them.

    @Test
    void anAuthenticatedOversizeBodyAnswers413() throws Exception {
        expectProblem(mvc.perform(authorized(post("/api/probe/items"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(oversizeItem())), 413, "payload-too-large")
                .andExpect(jsonPath("$.detail").value("The request body may be at most 1024 bytes."));
    }

    // --- helpers -------------------------------------------------------------------------

    private static String oversizeItem() {
        return "{\"name\":\"" + "x".repeat(1024) + "\"}";
    }

    private static MockHttpServletRequestBuilder authorized(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(THERAPIST_ID, "therapist"));
    }

    private static String tokenFor(UUID subject, String... realmRoles) {
        return TOKENS.sign(TestTokens.keycloakClaims(subject, realmRoles).build());
    }

    @SpringBootConfiguration
    @Import(ProbeController.class)
    static class ProbeApplication {

        @Bean
        AuthorizationRules adminOnlyReports() {
            return rules -> rules.requestMatchers("/api/probe/admin/**").hasRole(Role.ADMIN.name());
        }
    }

    @RestController
    @RequestMapping("/api/probe")
    static class ProbeController {

        private final CallerContext callerContext;

        ProbeController(CallerContext callerContext) {
            this.callerContext = callerContext;
        }

        @GetMapping("/me")
        Caller me(Caller caller) {
            return caller;
        }

        @GetMapping("/me-from-context")
        Caller meFromContext() {
            return callerContext.require();
        }

        @GetMapping("/ping")
        Map<String, String> ping() {
            return Map.of("answer", "pong");
        }

        @GetMapping("/open/hello")
        Map<String, String> hello() {
            return Map.of("answer", "hello");
        }

        @GetMapping("/open/me")
        Caller openMe(Caller caller) {
            return caller;
        }

        @GetMapping("/admin/report")
        Map<String, String> report() {
            return Map.of("answer", "report");
        }

        @GetMapping("/items/{id}")
        Map<String, String> item(@PathVariable UUID id) {
            return Map.of("id", id.toString());
        }

        @PostMapping(path = "/items", consumes = MediaType.APPLICATION_JSON_VALUE)
        Map<String, Object> create(@RequestBody Map<String, Object> item) {
            return item;
        }
    }
}
