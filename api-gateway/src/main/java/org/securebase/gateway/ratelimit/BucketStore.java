package org.securebase.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The buckets of one policy, by key. Memory is bounded: at {@code maxKeys} the full buckets (which remember
 * nothing) are dropped, at most once a second; if the table is still full - many distinct clients at once,
 * or an address-hopping flood - newcomers share one overflow bucket until room frees up. That fails closed
 * for the newcomers and leaves every client already tracked unaffected.
 */
final class BucketStore {

    private static final long SWEEP_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();

    private final long capacity;
    private final Duration period;
    private final int maxKeys;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final TokenBucket overflow;
    private final AtomicLong lastSweep;

    BucketStore(RateLimitProperties.Limit limit, int maxKeys, LongSupplier nanoTime) {
        this.capacity = limit.requests();
        this.period = limit.per();
        this.maxKeys = maxKeys;
        this.nanoTime = nanoTime;
        long now = nanoTime.getAsLong();
        this.overflow = new TokenBucket(capacity, period, now);
        this.lastSweep = new AtomicLong(now - SWEEP_INTERVAL_NANOS);
    }

    /** 0 when the request may pass, otherwise the nanoseconds until the key has a token again. */
    long tryTake(String key) {
        long now = nanoTime.getAsLong();
        TokenBucket bucket = buckets.get(key);
        if (bucket == null) {
            bucket = admit(key, now);
        }
        return bucket.tryTake(now);
    }

    int trackedKeys() {
        return buckets.size();
    }

    private TokenBucket admit(String key, long now) {
        if (buckets.size() >= maxKeys) {
            sweep(now);
            if (buckets.size() >= maxKeys) {
                return overflow;
            }
        }
        return buckets.computeIfAbsent(key, k -> new TokenBucket(capacity, period, now));
    }

    private void sweep(long now) {
        long last = lastSweep.get();
        // One sweep walks the whole table; doing it for every newcomer under a flood would be the DoS.
        if (now - last < SWEEP_INTERVAL_NANOS || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        buckets.values().removeIf(bucket -> bucket.isFull(now));
    }
}
