package org.securebase.platform.web.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs with the one it is built on, plus an offset that only grows. The system tests move a running
 * service into the future with it (a reminder's hour, the next instance of a schedule) instead of waiting; it exists
 * only when {@code securebase.clock.adjustable} is true. Moving backwards is refused: a service's timestamps then
 * stay ordered, as they are in production.
 */
public final class AdjustableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    public AdjustableClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    private AdjustableClock(Clock base, AtomicReference<Duration> offset) {
        this.base = Objects.requireNonNull(base, "base");
        this.offset = offset;
    }

    /** Moves this clock (and every clock {@link #withZone made from it}) forward; returns the new now. */
    public Instant advance(Duration amount) {
        if (amount == null || amount.isNegative() || amount.isZero()) {
            throw new IllegalArgumentException("A clock can only be moved forward, by a positive duration");
        }
        offset.accumulateAndGet(amount, Duration::plus);
        return instant();
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(getZone()) ? this : new AdjustableClock(base.withZone(zone), offset);
    }
}
