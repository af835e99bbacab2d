package org.securebase.platform.web.problem;

import java.time.Duration;
import java.util.Map;

/**
 * 429 with {@code Retry-After}: the caller used up a limit the service keeps itself (not the gateway's request
 * rate), and may try again after the given time. Nothing was changed.
 */
public class TooManyRequestsException extends ProblemException {

    private final Duration retryAfter;

    public TooManyRequestsException(String detail, Duration retryAfter) {
        super(ProblemType.TOO_MANY_REQUESTS, detail);
        this.retryAfter = retryAfter;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
    }
}
