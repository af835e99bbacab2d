package org.securebase.gateway.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * The problems the gateway answers with. The slugs shared with platform-web's {@code ProblemType}
 * ({@code unauthorized}, {@code invalid-token}, {@code not-found}, ...) are the same, so a client branches the
 * same way whether the gateway or a service refused it.
 */
public enum ProblemKind {

    BAD_REQUEST(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
            "The request could not be understood. Check its syntax and parameters."),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required",
            "This request requires a valid bearer access token."),
    INVALID_TOKEN(HttpStatus.UNAUTHORIZED, "invalid-token", "Invalid access token",
            "The access token is invalid or has expired. Sign in again to get a new one."),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found", "Nothing exists at this address."),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request too large",
            "The request body is larger than this endpoint accepts."),
    URI_TOO_LONG(HttpStatus.URI_TOO_LONG, "uri-too-long", "Request line too long",
            "The request's address is longer than this server accepts."),
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
            "Too many requests. Please wait a moment and try again."),
    HEADERS_TOO_LARGE(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "request-header-fields-too-large",
            "Request headers too large", "The request's headers are larger than this server accepts."),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
            "Something went wrong on our side. Please try again later; if it keeps happening, quote the request id."),
    BAD_GATEWAY(HttpStatus.BAD_GATEWAY, "bad-gateway", "Bad gateway",
            "The service behind this address could not be reached. Please try again shortly."),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
            "The service is temporarily unavailable. Please try again shortly."),
    GATEWAY_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout", "Gateway timeout",
            "The service behind this address did not answer in time. Please try again shortly.");

    private static final String TYPE_PREFIX = "urn:securebase:problem:";

    private final HttpStatus status;
    private final URI type;
    private final String title;
    private final String detail;

    ProblemKind(HttpStatus status, String slug, String title, String detail) {
        this.status = status;
        this.type = URI.create(TYPE_PREFIX + slug);
        this.title = title;
        this.detail = detail;
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** A fixed sentence: details never echo input or internals. */
    public String detail() {
        return detail;
    }
}
