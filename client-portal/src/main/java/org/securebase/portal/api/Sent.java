package org.securebase.portal.api;

import java.util.function.Function;

/**
 * What became of a change sent to a backend: done (with the answer, possibly null for 204), refused by the API
 * with a reason the person can act on (the problem's {@code detail}), or not done because the backend was
 * unavailable.
 *
 * @param value       the answer when done
 * @param problem     the API's explanation when it refused the request (4xx), else null
 * @param unavailable true when the backend could not be reached or failed (5xx)
 */
public record Sent<T>(T value, String problem, boolean unavailable) {

    public static <T> Sent<T> done(T value) {
        return new Sent<>(value, null, false);
    }

    public static <T> Sent<T> refused(String problem) {
        return new Sent<>(null, problem, false);
    }

    public static <T> Sent<T> failed() {
        return new Sent<>(null, null, true);
    }

    public boolean ok() {
        return problem == null && !unavailable;
    }

    /** The same outcome with the answer (when there is one) made into something else. */
    public <R> Sent<R> map(Function<T, R> mapper) {
        return ok() ? done(value == null ? null : mapper.apply(value)) : new Sent<>(null, problem, unavailable);
    }
}
