package org.securebase.portal.api;

import java.util.function.Function;

/**
 * What a page got from a backend: the value, or the fact that this part is unavailable right now. Pages
 * render each part from its own {@code Fetched}, so one backend being down leaves the rest of the page working.
 *
 * @param value       the answer, or {@code null} when unavailable
 * @param unavailable true when the backend could not answer
 */
public record Fetched<T>(T value, boolean unavailable) {

    public static <T> Fetched<T> of(T value) {
        return new Fetched<>(value, false);
    }

    public static <T> Fetched<T> failed() {
        return new Fetched<>(null, true);
    }

    public boolean available() {
        return !unavailable;
    }

    public <R> Fetched<R> map(Function<T, R> mapper) {
        return unavailable ? failed() : of(mapper.apply(value));
    }
}
