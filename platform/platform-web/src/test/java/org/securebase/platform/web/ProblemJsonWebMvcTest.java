package org.securebase.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.securebase.platform.web.problem.ProblemJsonResults.expectProblem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import org.securebase.platform.web.problem.BadRequestException;
import org.securebase.platform.web.problem.ConflictException;
import org.securebase.platform.web.problem.NotFoundException;
import org.securebase.platform.web.problem.PayloadTooLargeException;
import org.securebase.platform.web.problem.PreconditionFailedException;
import org.securebase.platform.web.requestid.RequestIdFilter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Problem+json, request ids and the body limit as a service sees them: a {@code @WebMvcTest} slice (our
 * auto-configurations are registered for it), without any security.
 */
@WebMvcTest(controllers = ProblemJsonWebMvcTest.ProbeController.class, properties = {
        "securebase.web.max-body-size=64B",
        "securebase.web.max-body-detail=Probe bodies may be at most 64 bytes." })
class ProblemJsonWebMvcTest {


    @Autowired
    private MockMvc mvc;

    // --- request id ----------------------------------------------------------------------

    @Test
    void aSafeRequestIdRoundTripsIntoHeaderAndProblem() throws Exception {
        mvc.perform(get("/api/probe/items/" + UUID.randomUUID()).header(RequestIdFilter.HEADER, "gw-7f3a.42_b"))
                .andExpect(status().isNotFound())
                .andExpect(header().string(RequestIdFilter.HEADER, "gw-7f3a.42_b"))
                .andExpect(jsonPath("$.requestId").value("gw-7f3a.42_b"));
    }

    @Test
    void anUnsafeRequestIdIsReplaced() throws Exception {
        MvcResult result = mvc.perform(get("/api/probe/items/not-a-uuid").header(RequestIdFilter.HEADER, "<script>"))
                .andExpect(status().isBadRequest())
                .andReturn();

        String requestId = result.getResponse().getHeader(RequestIdFilter.HEADER);
        assertThat(requestId).isNotEqualTo("<script>").matches("[0-9a-f-]{36}");
        assertThat(result.getResponse().getContentAsString()).contains(requestId).doesNotContain("script");
    }

    // --- problem+json for MVC errors -------------------------------------------------------

    @Test
    void unknownPathAnswers404WithoutEchoingThePath() throws Exception {
        expectProblem(mvc.perform(get("/api/probe/no-such-thing-xyz")), 404, "not-found")
                .andExpect(jsonPath("$.detail").value(not(containsString("no-such-thing-xyz"))));
    }

    @Test
    void notFoundExceptionAnswers404WithTheServiceDetail() throws Exception {
        expectProblem(mvc.perform(get("/api/probe/items/" + UUID.randomUUID())), 404, "not-found")
                .andExpect(jsonPath("$.instance").value(containsString("/api/probe/items/")))
                .andExpect(jsonPath("$.detail").value(NotFoundException.DEFAULT_DETAIL));
    }

    @Test
    void beanValidationFailuresAnswer400WithFieldErrors() throws Exception {
        // A fixed request id: a generated UUID in the body may itself contain "-3".
        expectProblem(mvc.perform(post("/api/probe/items")
                        .header(RequestIdFilter.HEADER, "validation-probe")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"\",\"quantity\":-3}")), 400, "validation-failed")
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].message").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'quantity')].message").exists())
                .andExpect(content().string(not(containsString("-3"))));
    }

    @Test
    void malformedJsonAnswers400WithoutParserDetails() throws Exception {
        expectProblem(mvc.perform(post("/api/probe/items")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": <b>oops</b>")), 400, "malformed-body")
                .andExpect(content().string(not(containsString("oops"))))
                .andExpect(content().string(not(containsString("jackson"))))
                .andExpect(content().string(not(containsString("NewItem"))));
    }

    @Test
    void wrongContentTypeAnswers415() throws Exception {
        expectProblem(mvc.perform(post("/api/probe/items")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("name=x")), 415, "unsupported-media-type")
                .andExpect(jsonPath("$.detail").value(containsString("application/json")));
    }

    @Test
    void wrongMethodAnswers405WithAllow() throws Exception {
        expectProblem(mvc.perform(put("/api/probe/search")), 405, "method-not-allowed")
                .andExpect(header().string(HttpHeaders.ALLOW, containsString("GET")));
    }

    @Test
    void missingAndMistypedParametersAnswer400() throws Exception {
        expectProblem(mvc.perform(get("/api/probe/search")), 400, "bad-request")
                .andExpect(jsonPath("$.detail").value("The required parameter 'page' is missing."));
        expectProblem(mvc.perform(get("/api/probe/search").param("page", "two")), 400, "bad-request")
                .andExpect(jsonPath("$.detail").value("The parameter 'page' must be a whole number."));
        expectProblem(mvc.perform(get("/api/probe/items/not-a-uuid")), 400, "bad-request")
                .andExpect(jsonPath("$.detail").value("The parameter 'id' must be a UUID."));
    }

    @Test
    void serviceExceptionsAnswerTheirStatus() throws Exception {
        expectProblem(mvc.perform(get("/api/probe/failures/conflict")), 409, "conflict");
        expectProblem(mvc.perform(get("/api/probe/failures/precondition")), 412, "precondition-failed");
        expectProblem(mvc.perform(get("/api/probe/failures/optimistic-lock")), 409, "conflict");
        expectProblem(mvc.perform(get("/api/probe/failures/undecodable-parameter")), 400, "bad-request")
                .andExpect(jsonPath("$.detail").value("The request's parameters are not valid UTF-8."));
        expectProblem(mvc.perform(get("/api/probe/failures/too-large")), 413, "payload-too-large")
                .andExpect(jsonPath("$.detail").value("Journal entries can be at most 20,000 characters long."));
        expectProblem(mvc.perform(get("/api/probe/failures/business-rule")), 400, "validation-failed")
                .andExpect(jsonPath("$.errors[0].field").value("dueDate"))
                .andExpect(jsonPath("$.errors[0].message").value("must be in the future"));
    }

    @Test
    void theDatabaseAwayIsA503WithRetryAfterNotA500() throws Exception {
        for (String kind : List.of("no-connection", "transient-database", "no-transaction")) {
            expectProblem(mvc.perform(get("/api/probe/failures/" + kind)), 503, "service-unavailable")
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(jsonPath("$.detail").value(
                            "The service cannot reach its database right now. Nothing was changed; try again in a moment."));
        }
    }

    @Test
    void unexpectedFailuresAnswerAGeneric500() throws Exception {
        expectProblem(mvc.perform(get("/api/probe/failures/unexpected")), 500, "internal-error")
                .andExpect(content().string(not(containsString("SELECT"))))
                .andExpect(content().string(not(containsString("IllegalStateException"))))
                .andExpect(content().string(not(containsString("at org."))));
    }

    // --- the body limit --------------------------------------------------------------------

    @Test
    void aBodyOverTheConfiguredLimitAnswers413WithTheConfiguredDetail() throws Exception {
        String name = "x".repeat(64);

        expectProblem(mvc.perform(post("/api/probe/items")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\",\"quantity\":1}")), 413, "payload-too-large")
                .andExpect(jsonPath("$.detail").value("Probe bodies may be at most 64 bytes."))
                .andExpect(content().string(not(containsString(name))));
        mvc.perform(post("/api/probe/items")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"within\",\"quantity\":1}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("within"));
    }

    @SpringBootConfiguration
    @Import(ProbeController.class)
    static class ProbeApplication {
    }

    @RestController
    @RequestMapping("/api/probe")
    static class ProbeController {

        record NewItem(@NotBlank @Size(max = 40) String name, @NotNull @Positive Integer quantity) {
        }

        @GetMapping("/items/{id}")
        Map<String, String> item(@PathVariable UUID id) {
            throw new NotFoundException();
        }

        @PostMapping(path = "/items", consumes = MediaType.APPLICATION_JSON_VALUE)
        NewItem create(@Valid @RequestBody NewItem item) {
            return item;
        }

        @GetMapping("/search")
        Map<String, Integer> search(@RequestParam int page) {
            return Map.of("page", page);
        }

        @GetMapping("/failures/{kind}")
        void fail(@PathVariable String kind) {
            switch (kind) {
                case "conflict" -> throw new ConflictException("This reading was already assigned.");
                case "precondition" -> throw new PreconditionFailedException();
                case "optimistic-lock" -> throw new OptimisticLockingFailureException("Row was updated by another transaction");
                case "no-connection" -> throw new org.springframework.dao.DataAccessResourceFailureException(
                        "Connection to localhost:5432 refused");
                case "transient-database" -> throw new org.springframework.dao.TransientDataAccessResourceException(
                        "terminating connection due to administrator command");
                case "no-transaction" -> throw new org.springframework.transaction.CannotCreateTransactionException(
                        "Could not open JDBC Connection for transaction");
                // what Tomcat throws on the first getParameter() of a query string such as ?q=a%ED%A0%80
                case "undecodable-parameter" -> throw new org.apache.tomcat.util.http.InvalidParameterException(
                        "Character decoding failed. Parameter [q] with value [a] has been ignored.");
                case "too-large" -> throw new PayloadTooLargeException("Journal entries can be at most 20,000 characters long.");
                case "business-rule" -> throw BadRequestException.forField("dueDate", "must be in the future");
                default -> throw new IllegalStateException("SELECT body FROM journal_entry WHERE id = 42");
            }
        }
    }
}
