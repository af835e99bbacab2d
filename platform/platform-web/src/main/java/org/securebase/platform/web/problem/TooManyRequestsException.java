package org.securebase.platform.web.problem;

import java.time.Duration;

/**
 * 429 with {@code Retry-After}: the caller used up a limit the service keeps itself (not the gateway's request
 * rate), and may try again after the given time. Nothing was changed.
 */
public class TooManyRequestsException extends RetryLaterException {

    public TooManyRequestsException(String detail, Duration retryAfter) {
        super(ProblemType.TOO_MANY_REQUESTS, detail, retryAfter);
    }
}
