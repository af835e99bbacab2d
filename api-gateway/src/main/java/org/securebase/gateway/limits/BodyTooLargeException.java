package org.securebase.gateway.limits;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A streamed body crossed the route's limit; answered 413 by the gateway's error handler. */
class BodyTooLargeException extends ResponseStatusException {

    BodyTooLargeException() {
        super(HttpStatus.CONTENT_TOO_LARGE);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        // Raised on purpose for oversized input; a stack trace per attempt would be wasted work.
        return this;
    }
}
