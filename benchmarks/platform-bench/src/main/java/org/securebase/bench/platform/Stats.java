package org.securebase.bench.platform;

import java.util.Arrays;

/** Percentiles (nearest rank) of latencies in nanoseconds, reported in milliseconds. */
record Stats(long count, double p50, double p95, double p99, double max) {

    static Stats of(long[] nanos) {
        if (nanos.length == 0) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Stats(sorted.length, ms(rank(sorted, 50)), ms(rank(sorted, 95)), ms(rank(sorted, 99)),
                ms(sorted[sorted.length - 1]));
    }

    private static long rank(long[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
