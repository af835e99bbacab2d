package org.securebase.journal.assignment;

import java.time.Instant;

/**
 * How well a handed-in homework was done, as its therapist rated it: the quality of homework done predicts outcome
 * more strongly than how much was done. A clinical judgement: sealed, never in an event or a mail.
 *
 * @param rating  {@value #LOWEST} (not attempted) to {@value #HIGHEST} (done fully, with skill)
 * @param ratedAt when it was last rated
 */
record Quality(int rating, Instant ratedAt) {

    static final int LOWEST = 0;
    static final int HIGHEST = 3;

    /** What is sealed. */
    record Sealed(int rating) {
    }

    @Override
    public String toString() {
        return "Quality[ratedAt=" + ratedAt + "]";
    }
}
