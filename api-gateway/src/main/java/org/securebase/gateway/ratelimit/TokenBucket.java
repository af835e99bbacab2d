package org.securebase.gateway.ratelimit;

import java.time.Duration;

/**
 * A token bucket that refills continuously: {@code capacity} requests at once, then one more every
 * {@code period / capacity}. Times are {@link System#nanoTime()}-style readings passed in by the caller, so
 * the arithmetic is testable without waiting. Synchronized: contention is per key, which is one user or
 * one address.
 */
final class TokenBucket {

    private final long capacity;
    private final double nanosPerToken;
    private double tokens;
    private long updatedAt;

    TokenBucket(long capacity, Duration period, long now) {
        if (capacity < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a bucket needs a capacity of at least 1 and a positive period");
        }
        this.capacity = capacity;
        this.nanosPerToken = (double) period.toNanos() / capacity;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /** Takes one token: returns 0 when one was available, otherwise the nanoseconds until one will be. */
    synchronized long tryTake(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) * nanosPerToken));
    }

    /** A full bucket carries no memory of past requests, so it can be forgotten and re-created losslessly. */
    synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        long elapsed = now - updatedAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed / nanosPerToken);
            updatedAt = now;
        }
    }
}
