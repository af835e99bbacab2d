package org.securebase.platform.web.problem;

import java.time.Duration;
import java.util.Map;

/**
 * 503 with {@code Retry-After}: the service cannot answer safely right now (a source it decides from may be behind),
 * and the caller may try again after the given time. Nothing is wrong with the request.
 */
public class ServiceUnavailableException extends ProblemException {

    private final Duration retryAfter;

    public ServiceUnavailableException(String detail, Duration retryAfter) {
        super(ProblemType.SERVICE_UNAVAILABLE, detail);
        this.retryAfter = retryAfter;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
    }
}
