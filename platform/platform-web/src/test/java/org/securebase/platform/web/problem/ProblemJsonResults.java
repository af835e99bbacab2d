package org.securebase.platform.web.problem;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.test.web.servlet.ResultActions;

/**
 * What every problem+json answer carries, for the MockMvc tests of this module and of those built on it
 * (shared through this module's test jar).
 */
public final class ProblemJsonResults {

    private ProblemJsonResults() {
    }

    /** Expects a problem of this status and type ({@code urn:securebase:problem:<typeSlug>}) with all its members. */
    public static ResultActions expectProblem(ResultActions actions, int status, String typeSlug) throws Exception {
        return actions
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("urn:securebase:problem:" + typeSlug))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail").isNotEmpty())
                .andExpect(jsonPath("$.instance").isNotEmpty())
                .andExpect(jsonPath("$.requestId").isNotEmpty());
    }
}
