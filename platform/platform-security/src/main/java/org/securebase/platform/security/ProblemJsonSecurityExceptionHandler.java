package org.securebase.platform.security;

import jakarta.servlet.http.HttpServletRequest;

import org.securebase.platform.web.problem.ProblemJsonExceptionHandler;
import org.securebase.platform.web.problem.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The platform's problem+json handler, plus the access decisions taken inside MVC (a {@code Caller} argument,
 * {@code @PreAuthorize}), which would otherwise fall into its catch-all 500: nobody signed in means 401, a
 * signed-in person 403. Replaces the plain handler wherever the adapter runs.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemJsonSecurityExceptionHandler extends ProblemJsonExceptionHandler {

    private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex, HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
        if (authentication == null || trustResolver.isAnonymous(authentication)) {
            return authenticationRequired(request);
        }
        return problemResponse(Problems.accessDenied(request), HttpHeaders.EMPTY);
    }

    @ExceptionHandler(AuthenticationException.class)
    public ResponseEntity<Object> handleAuthenticationFailure(AuthenticationException ex, HttpServletRequest request) {
        return authenticationRequired(request);
    }

    private static ResponseEntity<Object> authenticationRequired(HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, Problems.BEARER_CHALLENGE);
        return problemResponse(Problems.authenticationRequired(request), headers);
    }
}
