package org.securebase.platform.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.securebase.platform.web.problem.ProblemResponseWriter;
import org.securebase.platform.web.problem.Problems;
import org.securebase.platform.web.requestid.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * What the bearer token filter does with a token it could not accept.
 *
 * <p>{@code JwtAuthenticationProvider} reports a token the decoder rejected ({@code BadJwtException})
 * as {@code InvalidBearerTokenException}, but any other {@code JwtException} - above all Keycloak's
 * key set failing to load because Keycloak is down - as {@link AuthenticationServiceException}.
 * Spring's default failure handler rethrows that one, so it left the filter chain and the container
 * answered 500. Here it is a 503 problem with {@code Retry-After}: nothing is wrong with the token,
 * we just cannot check it right now, and a 401 would send a signed-in person to log in again for
 * nothing. Everything else goes to the entry point (401 with a Bearer challenge, or 400).
 */
public class ProblemJsonAuthenticationFailureHandler implements AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemJsonAuthenticationFailureHandler.class);

    /**
     * Short: a retry costs nothing (the key set is fetched at most twice per 30 s, requests in
     * between are answered at once) and the service works again as soon as one fetch succeeds.
     */
    public static final int RETRY_AFTER_SECONDS = 5;

    private final AuthenticationEntryPoint authenticationEntryPoint;
    private final ProblemResponseWriter problemWriter;

    public ProblemJsonAuthenticationFailureHandler(AuthenticationEntryPoint authenticationEntryPoint,
            ProblemResponseWriter problemWriter) {
        this.authenticationEntryPoint = authenticationEntryPoint;
        this.problemWriter = problemWriter;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        if (!(exception instanceof AuthenticationServiceException)) {
            authenticationEntryPoint.commence(request, response, exception);
            return;
        }
        // Never the token or its claims: where the request went and why the keys could not be had.
        log.warn("Cannot check the bearer token of {} {} [requestId={}], answering 503: {}", request.getMethod(),
                request.getRequestURI(), RequestIdFilter.currentRequestId(request).orElse("none"), causesOf(exception));
        log.debug("Token check failed for a reason other than the token", exception);
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        problemWriter.write(Problems.authenticationUnavailable(request), response);
    }

    /**
     * E.g. {@code JWKSetRetrievalException: Couldn't retrieve JWK set from URL: Connection refused <-
     * ConnectException: Connection refused}, or {@code RateLimitReachedException} (fetched moments
     * ago, not again yet). Nimbus's messages here name the failure and the key set URL, not the token.
     */
    static String causesOf(Throwable failure) {
        List<String> causes = new ArrayList<>();
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        // Spring's JwtException only repeats the message of what it wraps.
        if (cause instanceof JwtException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        for (int depth = 0; cause != null && depth < 8; cause = cause.getCause(), depth++) {
            String message = cause.getMessage();
            causes.add(message == null ? cause.getClass().getSimpleName() : cause.getClass().getSimpleName() + ": " + message);
        }
        return String.join(" <- ", causes);
    }
}
