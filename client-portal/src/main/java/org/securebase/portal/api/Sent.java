package org.securebase.portal.api;

import java.util.List;
import java.util.function.Function;

/**
 * What became of a change sent to a backend: done (with the answer, possibly null for 204), refused by the API
 * with a reason the person can act on (the problem's {@code detail}), or not done because the backend was
 * unavailable.
 *
 * @param value       the answer when done
 * @param problem     the API's explanation when it refused the request (4xx), else null
 * @param unavailable true when the backend could not be reached or failed (5xx)
 * @param violations  the fields the API named as wrong in a refusal (its problem's {@code errors}); empty otherwise
 */
public record Sent<T>(T value, String problem, boolean unavailable, List<Violation> violations) {

    /**
     * One field an API refused, as the API names it ({@code quietHours.start}), for a form that puts its own text
     * beside its own field.
     */
    public record Violation(String field, String message) {
    }

    public Sent {
        violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public static <T> Sent<T> done(T value) {
        return new Sent<>(value, null, false, List.of());
    }

    public static <T> Sent<T> refused(String problem) {
        return new Sent<>(null, problem, false, List.of());
    }

    public static <T> Sent<T> refused(String problem, List<Violation> violations) {
        return new Sent<>(null, problem, false, violations);
    }

    public static <T> Sent<T> failed() {
        return new Sent<>(null, null, true, List.of());
    }

    public boolean ok() {
        return problem == null && !unavailable;
    }

    /** The same outcome with the answer (when there is one) made into something else. */
    public <R> Sent<R> map(Function<T, R> mapper) {
        return ok() ? done(value == null ? null : mapper.apply(value)) : new Sent<>(null, problem, unavailable, violations);
    }
}
