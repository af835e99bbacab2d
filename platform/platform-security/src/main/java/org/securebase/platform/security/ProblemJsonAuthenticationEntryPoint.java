package org.securebase.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.securebase.platform.web.problem.ProblemResponseWriter;
import org.securebase.platform.web.problem.ProblemType;
import org.securebase.platform.web.problem.Problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 (or 400 for an unreadable Authorization header) as problem+json with a Bearer challenge.
 * Unlike Spring's {@code BearerTokenAuthenticationEntryPoint} it never puts the validation
 * message into the header or body: those messages quote claims such as the expiry instant.
 */
public class ProblemJsonAuthenticationEntryPoint implements AuthenticationEntryPoint {

    static final String INVALID_REQUEST_CHALLENGE = "Bearer error=\"invalid_request\"";
    static final String MALFORMED_AUTHORIZATION_DETAIL =
            "The Authorization header is malformed or the request carries more than one bearer token.";

    private final ProblemResponseWriter problemWriter;

    public ProblemJsonAuthenticationEntryPoint(ProblemResponseWriter problemWriter) {
        this.problemWriter = problemWriter;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException authException) throws IOException {
        if (!(authException instanceof OAuth2AuthenticationException tokenFailure)) {
            // No token at all: RFC 6750 says to answer with a bare challenge.
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, Problems.BEARER_CHALLENGE);
            problemWriter.write(Problems.authenticationRequired(request), response);
            return;
        }
        if (tokenFailure.getError() instanceof BearerTokenError bearerError
                && bearerError.getHttpStatus() == HttpStatus.BAD_REQUEST) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, INVALID_REQUEST_CHALLENGE);
            problemWriter.write(Problems.of(ProblemType.BAD_REQUEST, MALFORMED_AUTHORIZATION_DETAIL, request), response);
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, Problems.INVALID_TOKEN_CHALLENGE);
        problemWriter.write(Problems.invalidToken(request), response);
    }
}
