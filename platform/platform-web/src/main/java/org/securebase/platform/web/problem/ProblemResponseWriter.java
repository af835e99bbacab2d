package org.securebase.platform.web.problem;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/**
 * Writes a problem straight to the servlet response, for code that runs outside Spring MVC (the
 * security filter chain). Uses Spring's problem mix-in so the JSON matches what MVC writes.
 */
public class ProblemResponseWriter {

    private final JsonMapper jsonMapper = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .build();

    public void write(ProblemDetail problem, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        jsonMapper.writeValue(response.getOutputStream(), problem);
    }

    /** The problem as JSON text, for code that must write it through a writer of its own. */
    public String json(ProblemDetail problem) {
        return jsonMapper.writeValueAsString(problem);
    }
}
