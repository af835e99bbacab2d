package org.securebase.journal.web;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps at PostgreSQL's precision (microseconds). An instant that round-trips through the database
 * unchanged keeps keyset cursors and equality checks exact.
 */
public final class JournalTime {

    private JournalTime() {
    }

    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
