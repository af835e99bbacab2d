package org.securebase.portal.api;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import jakarta.annotation.PreDestroy;
import org.slf4j.MDC;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Lets a page make its independent API calls at the same time: {@link #start} begins one on a small pool while the
 * page thread makes the next, and {@link Pending#join} waits for it. The call runs as if on the page thread: the same
 * person (security context), the same request and session (so the bearer-token interceptor finds their tokens), the
 * same request id in the logs, and the same trace.
 *
 * <p>Only one of those calls may refresh the person's tokens: {@link OneRefreshAtATime} lets one authorization at a
 * time through per person, and the next one finds the token its predecessor stored. When the pool is busy, the call
 * runs on the page thread instead, one after the other as before: slower, never wrong.
 */
public class PageCalls {

    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

    private final ThreadPoolExecutor pool;

    /** {@code threads} calls at most beside the page threads ({@code securebase.api.concurrent-calls}). */
    public PageCalls(int threads) {
        AtomicInteger started = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 60,
                TimeUnit.SECONDS, new ArrayBlockingQueue<>(threads), runnable -> {
                    Thread thread = new Thread(runnable, "page-call-" + started.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        pool.allowCoreThreadTimeOut(true);
    }

    /** Begins {@code call} beside the page thread. */
    public <T> Pending<T> start(Supplier<T> call) {
        ContextSnapshot snapshot = SNAPSHOTS.captureAll();
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        Thread pageThread = Thread.currentThread();
        return new Pending<>(CompletableFuture.supplyAsync(() -> {
            if (Thread.currentThread() == pageThread) {
                // The pool was full and handed the call back (CallerRunsPolicy): everything is already in place.
                return call.get();
            }
            RequestContextHolder.setRequestAttributes(request);
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            try (ContextSnapshot.Scope scope = snapshot.setThreadLocals()) {
                return call.get();
            } finally {
                MDC.clear();
                RequestContextHolder.resetRequestAttributes();
            }
        }, pool));
    }

    @PreDestroy
    public void stop() {
        pool.shutdown();
    }

    /** A call under way. */
    public static final class Pending<T> {

        private final CompletableFuture<T> result;

        private Pending(CompletableFuture<T> result) {
            this.result = result;
        }

        /** Its answer; what it threw (an expired login, for one) is thrown here, on the page thread. */
        public T join() {
            try {
                return result.join();
            } catch (CompletionException failed) {
                if (failed.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (failed.getCause() instanceof Error error) {
                    throw error;
                }
                throw failed;
            }
        }
    }
}
