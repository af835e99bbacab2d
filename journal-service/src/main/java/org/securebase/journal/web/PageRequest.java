package org.securebase.journal.web;

import org.securebase.platform.contracts.JournalLimits;
import org.securebase.platform.web.problem.BadRequestException;

/** A validated page size and the raw cursor of a list request. */
public record PageRequest(String cursor, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = JournalLimits.PAGE_SIZE;

    public static PageRequest of(String cursor, Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw BadRequestException.forField("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(cursor == null || cursor.isBlank() ? null : cursor, size);
    }

    /** Rows to fetch: one more than shown, to know whether a next page exists. */
    public int fetchSize() {
        return limit + 1;
    }
}
