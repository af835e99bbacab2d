package org.securebase.account.keycloak;

import jakarta.servlet.http.HttpServletRequest;

import org.securebase.platform.web.problem.ProblemType;
import org.securebase.platform.web.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Keycloak failures that reach a controller become problem+json instead of the platform's generic 500: an
 * outage is a 503 the caller can retry, not a bug. Features translate the cases they understand better
 * (a taken email, a deleted user) themselves; this is the net below them.
 */
@RestControllerAdvice
@Order(0)
class KeycloakProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(KeycloakProblemAdvice.class);

    static final String UNAVAILABLE_DETAIL =
            "Keycloak, which keeps the logins, cannot be reached right now. Nothing was changed; try again in a moment.";

    @ExceptionHandler(KeycloakUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(KeycloakUnavailableException e, HttpServletRequest request) {
        log.warn("Keycloak unavailable answering {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "30");
        return problem(Problems.of(ProblemType.SERVICE_UNAVAILABLE, UNAVAILABLE_DETAIL, request), headers);
    }

    @ExceptionHandler(KeycloakRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(KeycloakRejectedException e, HttpServletRequest request) {
        return problem(Problems.of(ProblemType.BAD_REQUEST,
                "Keycloak refused these values. Check the name and email for unusual characters.", request), HttpHeaders.EMPTY);
    }

    @ExceptionHandler(EmailTakenInKeycloakException.class)
    ResponseEntity<ProblemDetail> emailTaken(EmailTakenInKeycloakException e, HttpServletRequest request) {
        return problem(Problems.of(ProblemType.CONFLICT, "Someone with this email already has a login.", request),
                HttpHeaders.EMPTY);
    }

    @ExceptionHandler(KeycloakUserNotFoundException.class)
    ResponseEntity<ProblemDetail> userGone(KeycloakUserNotFoundException e, HttpServletRequest request) {
        return problem(Problems.of(ProblemType.CONFLICT,
                "This person was deleted in Keycloak; the account can no longer be changed.", request), HttpHeaders.EMPTY);
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus()).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
