package org.securebase.platform.web.problem;

import java.util.Map;
import java.util.Objects;

/**
 * Base of the exceptions a service throws to answer with a specific problem. The message is the
 * problem's {@code detail} and is shown to the caller as is, so it must be written by the service,
 * never copied from the request.
 */
public abstract class ProblemException extends RuntimeException {

    private final ProblemType type;

    protected ProblemException(ProblemType type, String detail) {
        // No stack trace: these are expected outcomes, raised per request, and never logged as errors.
        super(Objects.requireNonNull(detail, "detail"), null, false, false);
        this.type = Objects.requireNonNull(type, "type");
    }

    public ProblemType type() {
        return type;
    }

    public String detail() {
        return getMessage();
    }

    /** Headers the answer carries besides the problem (e.g. {@code Retry-After}); none by default. */
    public Map<String, String> headers() {
        return Map.of();
    }
}
