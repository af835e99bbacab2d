package org.securebase.journal.web;

import org.securebase.platform.contracts.JournalLimits;
import org.securebase.platform.web.problem.BadRequestException;
import org.securebase.platform.web.problem.PayloadTooLargeException;

/**
 * The documented length limits of clinical text (in characters, counted as Java chars; the numbers are
 * platform-contracts' {@link JournalLimits}, which the portal checks too), checked the same way everywhere: missing
 * or blank is 400, too long is 413. Messages name the field and the limit, never the value.
 */
public final class TextLimits {

    public static final int TITLE = JournalLimits.TITLE;
    public static final int ENTRY_BODY = JournalLimits.ENTRY_BODY;
    public static final int ANSWER = JournalLimits.ANSWER;
    public static final int FEEDBACK = JournalLimits.FEEDBACK;
    public static final int REPLY = JournalLimits.REPLY;
    public static final int NOTE = JournalLimits.NOTE;
    public static final int QUESTION = JournalLimits.QUESTION;
    public static final int REASON = JournalLimits.REASON;
    public static final int OBSTACLE = JournalLimits.OBSTACLE;
    public static final int PLAN_PART = JournalLimits.PLAN_PART;

    private TextLimits() {
    }

    public static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw BadRequestException.forField(field, "must not be empty");
        }
        return limited(field, value, max);
    }

    /** Null stays null; blank becomes null. */
    public static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return limited(field, value, max);
    }

    /**
     * For text stored as it is rather than sealed (a program's title and description): PostgreSQL's text cannot hold
     * NUL, so it is refused here with 400 instead of failing in the database.
     */
    public static String storable(String field, String value) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw BadRequestException.forField(field, "must not contain a NUL character");
        }
        return value;
    }

    private static String limited(String field, String value, int max) {
        if (value.length() > max) {
            throw new PayloadTooLargeException("'" + field + "' may be at most " + max + " characters long.");
        }
        return value;
    }
}
