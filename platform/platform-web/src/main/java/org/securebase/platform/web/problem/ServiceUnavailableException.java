package org.securebase.platform.web.problem;

import java.time.Duration;

/**
 * 503 with {@code Retry-After}: the service cannot answer safely right now (a source it decides from may be behind),
 * and the caller may try again after the given time. Nothing is wrong with the request.
 */
public class ServiceUnavailableException extends RetryLaterException {

    public ServiceUnavailableException(String detail, Duration retryAfter) {
        super(ProblemType.SERVICE_UNAVAILABLE, detail, retryAfter);
    }
}
