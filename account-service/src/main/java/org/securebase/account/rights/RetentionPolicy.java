package org.securebase.account.rights;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * How long a closed client's record is kept. The period runs from the closure rather than from the last activity
 * before it: nothing happens on a closed account, so the closure is never earlier than the last activity, and a
 * period counted from it is never shorter than the law's. Years are calendar years in UTC (a closure on 29 February
 * is kept until 28 February).
 */
@Component
public class RetentionPolicy {

    private final int years;
    private final Clock clock;

    RetentionPolicy(RetentionProperties properties, Clock clock) {
        this.years = properties.years();
        this.clock = clock;
    }

    public int years() {
        return years;
    }

    public Instant keepUntil(Instant closedAt) {
        return closedAt.atOffset(ZoneOffset.UTC).plusYears(years).toInstant();
    }

    /** The record's standing now, by this service's clock. */
    public RetentionStanding standing(Instant closedAt, List<LegalHold> holds) {
        if (closedAt == null) {
            return new RetentionStanding(null, null, years, holds, false);
        }
        Instant keepUntil = keepUntil(closedAt);
        boolean held = holds.stream().anyMatch(LegalHold::inForce);
        return new RetentionStanding(closedAt, keepUntil, years, holds, !held && !clock.instant().isBefore(keepUntil));
    }
}
