package org.securebase.platform.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.securebase.platform.web.requestid.RequestIdFilter;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

class ProblemJsonErrorControllerTest {

    private final ProblemJsonErrorController controller = new ProblemJsonErrorController();

    @Test
    void describesTheOriginalRequestOfAnErrorDispatch() {
        MockHttpServletRequest request = errorDispatch(400, "/api/content/articles/%2e%2e/x");
        request.setAttribute(RequestIdFilter.REQUEST_ATTRIBUTE, "req-1");

        ResponseEntity<ProblemDetail> response = controller.error(request);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ProblemDetail problem = response.getBody();
        assertThat(problem.getType()).isEqualTo(ProblemType.BAD_REQUEST.uri());
        assertThat(problem.getInstance()).isEqualTo(URI.create("/api/content/articles/%2e%2e/x"));
        assertThat(problem.getProperties()).containsEntry(Problems.REQUEST_ID_PROPERTY, "req-1");
    }

    @Test
    void neverRevealsTheCauseOfAServerError() {
        MockHttpServletRequest request = errorDispatch(500, "/api/journal/entries");
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("password=hunter2"));
        request.setAttribute(RequestDispatcher.ERROR_MESSAGE, "password=hunter2");

        ProblemDetail problem = controller.error(request).getBody();

        assertThat(problem.getStatus()).isEqualTo(500);
        assertThat(problem.getType()).isEqualTo(ProblemType.INTERNAL_ERROR.uri());
        assertThat(problem.getDetail()).isEqualTo(Problems.INTERNAL_ERROR_DETAIL);
    }

    @Test
    void aRequestForTheErrorPathItselfFindsNothing() {
        ProblemDetail problem = controller.error(new MockHttpServletRequest("GET", "/error")).getBody();

        assertThat(problem.getStatus()).isEqualTo(404);
    }

    @Test
    void treatsAnErrorDispatchWithAnUnusableStatusAsAServerError() {
        ProblemDetail problem = controller.error(errorDispatch(999, "/api/x")).getBody();

        assertThat(problem.getStatus()).isEqualTo(500);
    }

    private static MockHttpServletRequest errorDispatch(int status, String originalPath) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, originalPath);
        return request;
    }
}
