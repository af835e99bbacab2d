package org.securebase.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    @Test
    void allowsTheBurstThenRefusesWithTheTimeUntilTheNextToken() {
        TokenBucket bucket = new TokenBucket(3, Duration.ofSeconds(30), 0);
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        // One token every 10 s.
        assertThat(bucket.tryTake(0)).isEqualTo(10 * SECOND);
        assertThat(bucket.tryTake(4 * SECOND)).isEqualTo(6 * SECOND);
        assertThat(bucket.tryTake(10 * SECOND)).isZero();
        assertThat(bucket.tryTake(10 * SECOND)).isPositive();
    }

    @Test
    void refillsContinuouslyButNeverBeyondItsCapacity() {
        TokenBucket bucket = new TokenBucket(2, Duration.ofSeconds(2), 0);
        bucket.tryTake(0);
        bucket.tryTake(0);
        assertThat(bucket.isFull(SECOND)).isFalse();
        assertThat(bucket.isFull(2 * SECOND)).isTrue();
        // A long quiet spell does not bank more than the capacity.
        assertThat(bucket.tryTake(1000 * SECOND)).isZero();
        assertThat(bucket.tryTake(1000 * SECOND)).isZero();
        assertThat(bucket.tryTake(1000 * SECOND)).isPositive();
    }

    @Test
    void theStoreKeepsOneBucketPerKeyAndBoundsItsMemory() {
        AtomicLong now = new AtomicLong();
        BucketStore store = new BucketStore(new RateLimitProperties.Limit(2, Duration.ofMinutes(1)), 3, now::get);
        assertThat(store.tryTake("a")).isZero();
        assertThat(store.tryTake("a")).isZero();
        assertThat(store.tryTake("a")).isPositive();
        assertThat(store.tryTake("b")).isZero();
        assertThat(store.tryTake("c")).isZero();
        assertThat(store.trackedKeys()).isEqualTo(3);
        // Full table, nothing refilled: newcomers share the overflow bucket (capacity 2) and are refused after it.
        assertThat(store.tryTake("d")).isZero();
        assertThat(store.tryTake("e")).isZero();
        assertThat(store.tryTake("f")).isPositive();
        assertThat(store.trackedKeys()).isEqualTo(3);
        // "a" is still limited: the flood of newcomers did not reset anyone already tracked.
        assertThat(store.tryTake("a")).isPositive();
        // A minute on, every bucket is full again: the sweep frees them and newcomers get their own.
        now.addAndGet(Duration.ofMinutes(1).toNanos());
        assertThat(store.tryTake("g")).isZero();
        assertThat(store.trackedKeys()).isEqualTo(1);
    }
}
