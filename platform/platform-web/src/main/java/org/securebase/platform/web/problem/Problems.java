package org.securebase.platform.web.problem;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.securebase.platform.web.requestid.RequestIdFilter;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds every problem body the same way: type, title, status, detail, instance (the request path)
 * and the request id.
 */
public final class Problems {

    public static final String REQUEST_ID_PROPERTY = "requestId";
    public static final String ERRORS_PROPERTY = "errors";

    /** {@code WWW-Authenticate} when no token was sent (RFC 6750 section 3: no error code). */
    public static final String BEARER_CHALLENGE = "Bearer";
    /** {@code WWW-Authenticate} when a token was sent but cannot be accepted. */
    public static final String INVALID_TOKEN_CHALLENGE = "Bearer error=\"invalid_token\"";

    static final String AUTHENTICATION_REQUIRED_DETAIL = "This request requires a valid bearer access token.";
    static final String INVALID_TOKEN_DETAIL =
            "The access token is invalid or has expired. Sign in again to get a new one.";
    static final String ACCESS_DENIED_DETAIL = "You do not have permission to perform this action.";
    static final String NOT_FOUND_DETAIL = "Nothing exists at this address.";
    static final String AUTHENTICATION_UNAVAILABLE_DETAIL =
            "The sign-in service cannot be reached to check your token; try again shortly.";
    static final String INTERNAL_ERROR_DETAIL =
            "Something went wrong on our side. Please try again later; if it keeps happening, quote the request id.";

    private Problems() {
    }

    public static ProblemDetail of(ProblemType type, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        return describeRequest(problem, request);
    }

    /** For statuses without a {@link ProblemType}: {@code about:blank} with the reason phrase. */
    public static ProblemDetail of(HttpStatusCode status, String detail, HttpServletRequest request) {
        return ProblemType.generalFor(status.value())
                .map(type -> of(type, detail, request))
                .orElseGet(() -> describeRequest(ProblemDetail.forStatusAndDetail(status, detail), request));
    }

    public static ProblemDetail validationFailed(String detail, List<FieldViolation> violations,
            HttpServletRequest request) {
        ProblemDetail problem = of(ProblemType.VALIDATION_FAILED, detail, request);
        problem.setProperty(ERRORS_PROPERTY, List.copyOf(violations));
        return problem;
    }

    public static ProblemDetail authenticationRequired(HttpServletRequest request) {
        return of(ProblemType.UNAUTHORIZED, AUTHENTICATION_REQUIRED_DETAIL, request);
    }

    public static ProblemDetail invalidToken(HttpServletRequest request) {
        return of(ProblemType.INVALID_TOKEN, INVALID_TOKEN_DETAIL, request);
    }

    /**
     * 503: a token was sent but cannot be checked because Keycloak's signing keys cannot be had.
     * Our outage, not the caller's mistake: no challenge, the caller should simply retry.
     */
    public static ProblemDetail authenticationUnavailable(HttpServletRequest request) {
        return of(ProblemType.SERVICE_UNAVAILABLE, AUTHENTICATION_UNAVAILABLE_DETAIL, request);
    }

    public static ProblemDetail accessDenied(HttpServletRequest request) {
        return of(ProblemType.FORBIDDEN, ACCESS_DENIED_DETAIL, request);
    }

    public static ProblemDetail internalError(HttpServletRequest request) {
        return of(ProblemType.INTERNAL_ERROR, INTERNAL_ERROR_DETAIL, request);
    }

    /** A sentence for a status when nothing more specific can safely be said. */
    public static String genericDetail(HttpStatusCode status) {
        if (status.is5xxServerError()) {
            return status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()
                    ? "The service is temporarily unavailable. Please try again shortly."
                    : INTERNAL_ERROR_DETAIL;
        }
        return switch (status.value()) {
            case 400 -> "The request could not be understood. Check its syntax and parameters.";
            case 401 -> AUTHENTICATION_REQUIRED_DETAIL;
            case 403 -> ACCESS_DENIED_DETAIL;
            case 404 -> NOT_FOUND_DETAIL;
            case 405 -> "This endpoint does not support that HTTP method.";
            case 406 -> "This endpoint cannot answer in the requested format.";
            case 409 -> "The request conflicts with the current state of the resource.";
            case 412 -> PreconditionFailedException.DEFAULT_DETAIL;
            case 413 -> "The request is too large.";
            case 415 -> "This endpoint does not accept that content type.";
            case 429 -> "Too many requests. Please wait a moment and try again.";
            default -> "The request could not be processed.";
        };
    }

    private static ProblemDetail describeRequest(ProblemDetail problem, HttpServletRequest request) {
        if (request == null) {
            return problem;
        }
        instanceOf(request).ifPresent(problem::setInstance);
        RequestIdFilter.currentRequestId(request).ifPresent(id -> problem.setProperty(REQUEST_ID_PROPERTY, id));
        return problem;
    }

    // On an error dispatch the request URI is the error page; the original path is in an attribute.
    private static Optional<URI> instanceOf(HttpServletRequest request) {
        Object originalPath = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String rawPath = originalPath != null ? originalPath.toString() : request.getRequestURI();
        if (rawPath == null || rawPath.isEmpty()) {
            return Optional.empty();
        }
        try {
            // The path as received (still percent-encoded), never the query string: it may hold search terms.
            return Optional.of(URI.create(rawPath));
        } catch (IllegalArgumentException notAUri) {
            return Optional.empty();
        }
    }
}
