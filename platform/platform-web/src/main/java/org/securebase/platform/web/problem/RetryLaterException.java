package org.securebase.platform.web.problem;

import java.time.Duration;
import java.util.Map;

/** A problem the caller may simply retry after a while: answered with {@code Retry-After} in whole seconds (at least 1). */
public abstract class RetryLaterException extends ProblemException {

    private final Duration retryAfter;

    protected RetryLaterException(ProblemType type, String detail, Duration retryAfter) {
        super(type, detail);
        this.retryAfter = retryAfter;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
    }
}
