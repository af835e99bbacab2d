package org.securebase.journal.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, newest first unless the endpoint says otherwise. {@code nextCursor} is null on the last
 * page; otherwise pass it back as {@code cursor} to get the next one. Keyset pagination: a page costs the same
 * however deep it is, and rows added meanwhile never shift the pages.
 */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * Builds a page from up to {@code limit + 1} rows fetched in order: the extra row only tells that there is
     * more, and the cursor is taken from the last row shown.
     */
    public static <T> Page<T> of(List<T> rowsFetched, int limit, Function<T, String> cursorOf) {
        if (rowsFetched.size() <= limit) {
            return new Page<>(rowsFetched, null);
        }
        List<T> shown = rowsFetched.subList(0, limit);
        return new Page<>(shown, cursorOf.apply(shown.get(limit - 1)));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
