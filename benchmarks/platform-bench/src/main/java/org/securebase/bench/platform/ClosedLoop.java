package org.securebase.bench.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop load: {@code connections} workers, each sending its next request as soon as the previous one
 * answered (or, with a think time, after pausing for an exponentially distributed time with that mean, as a person
 * reading a page does), for a warm-up and then a measured period. Only requests that started and finished inside the
 * measured period count; throughput is the successful ones per second of that period; a pause is never part of a
 * request's latency.
 */
final class ClosedLoop {

    /** One request of worker {@code worker}; returns the HTTP status, or throws. */
    @FunctionalInterface
    interface Call {
        int send(int worker, long sequence) throws Exception;
    }

    /** Successful requests/s, latency of successful requests, failures (non-2xx or I/O) with a sample reason. */
    record Result(String name, int connections, double throughput, Stats latency, long errors, String firstError) {
    }

    static Result run(String name, int connections, Duration warmup, Duration duration, Call call,
                      java.util.function.IntPredicate success) throws InterruptedException {
        return run(name, connections, warmup, duration, Duration.ZERO, call, success);
    }

    static Result run(String name, int connections, Duration warmup, Duration duration, Duration meanThinkTime,
                      Call call, java.util.function.IntPredicate success) throws InterruptedException {
        long meanThinkNanos = meanThinkTime.toNanos();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long measureTo = measureFrom + duration.toNanos();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<long[]> samples = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        int[] counts = new int[connections];
        for (int w = 0; w < connections; w++) {
            long[] mine = new long[1 << 16];
            samples.add(mine);
            int worker = w;
            Thread thread = new Thread(() -> {
                long sequence = 0;
                long[] buffer = mine;
                java.util.SplittableRandom random = new java.util.SplittableRandom(worker * 7919L + 17);
                if (meanThinkNanos > 0) {
                    // Sessions start spread over one mean think time instead of all at the same instant.
                    pause((long) (random.nextDouble() * meanThinkNanos));
                }
                while (true) {
                    long began = System.nanoTime();
                    if (began >= measureTo) {
                        break;
                    }
                    String failure = null;
                    try {
                        int status = call.send(worker, sequence++);
                        if (!success.test(status)) {
                            failure = "HTTP " + status;
                        }
                    } catch (Exception e) {
                        failure = e.getClass().getSimpleName() + ": " + e.getMessage();
                    }
                    long ended = System.nanoTime();
                    if (began >= measureFrom && ended <= measureTo) {
                        if (failure == null) {
                            if (counts[worker] == buffer.length) {
                                buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
                                synchronized (samples) {
                                    samples.set(worker, buffer);
                                }
                            }
                            buffer[counts[worker]++] = ended - began;
                        } else {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, failure);
                        }
                    }
                    if (meanThinkNanos > 0) {
                        // Exponential, capped at ten means so one long pause cannot take a session out of a short run.
                        pause(Math.min(10 * meanThinkNanos, (long) (-Math.log(1 - random.nextDouble()) * meanThinkNanos)));
                    }
                }
            }, name + "-" + w);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join(warmup.plus(duration).plusSeconds(60).toMillis());
        }
        int total = 0;
        for (int w = 0; w < connections; w++) {
            total += counts[w];
        }
        long[] all = new long[total];
        int at = 0;
        for (int w = 0; w < connections; w++) {
            System.arraycopy(samples.get(w), 0, all, at, counts[w]);
            at += counts[w];
        }
        return new Result(name, connections, total / (duration.toNanos() / 1e9), Stats.of(all), errors.get(),
                firstError.get());
    }

    private static void pause(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ClosedLoop() {
    }
}
