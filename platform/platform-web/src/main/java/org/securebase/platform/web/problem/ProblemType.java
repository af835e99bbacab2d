package org.securebase.platform.web.problem;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

import org.springframework.http.HttpStatus;

/**
 * The kinds of problem Secure Base answers with. Clients branch on {@link #uri()} (the problem
 * {@code type}), not on the human-readable detail.
 */
public enum ProblemType {

    BAD_REQUEST(HttpStatus.BAD_REQUEST, "bad-request", "Bad request"),
    MALFORMED_BODY(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body"),
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid input"),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required"),
    INVALID_TOKEN(HttpStatus.UNAUTHORIZED, "invalid-token", "Invalid access token"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Access denied"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable"),
    CONFLICT(HttpStatus.CONFLICT, "conflict", "Conflict"),
    GONE(HttpStatus.GONE, "gone", "Gone"),
    PRECONDITION_FAILED(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "Precondition failed"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),
    // The same type the gateway answers its rate limits with, so a caller handles both alike.
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error"),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable");

    // A URN rather than an https URL: there is no documentation site to dereference yet, and a URL
    // that 404s is worse than one that is plainly an identifier (RFC 9457 allows both).
    private static final String TYPE_PREFIX = "urn:securebase:problem:";

    private final HttpStatus status;
    private final URI uri;
    private final String title;

    ProblemType(HttpStatus status, String slug, String title) {
        this.status = status;
        this.uri = URI.create(TYPE_PREFIX + slug);
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public URI uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    /** The general type for a status, e.g. {@link #BAD_REQUEST} rather than {@link #VALIDATION_FAILED}. */
    public static Optional<ProblemType> generalFor(int status) {
        // Declaration order puts the general type of each status first.
        return Arrays.stream(values()).filter(type -> type.status.value() == status).findFirst();
    }
}
