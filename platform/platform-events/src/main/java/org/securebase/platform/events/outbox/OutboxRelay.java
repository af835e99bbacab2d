package org.securebase.platform.events.outbox;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps the outbox moving. A send that failed (the broker away longer than the producer's delivery timeout) stays
 * in the registry as FAILED, as does a publication that stayed in flight too long (the service died mid-send: the
 * registry's staleness monitor marks it); this resubmits them, and deletes sent ones after a while.
 *
 * <p>One at a time and oldest first: a retried event then reaches the broker before the retry of a newer event of
 * the same aggregate. Consumers still guard against the reverse (a newer event sent first, then the older one
 * retried) with their sequence and version checks. Safe with several instances: each publication is claimed
 * (marked RESUBMITTED) by one of them.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private static final ResubmissionOptions ONE_AT_A_TIME_OLDEST_FIRST =
            ResubmissionOptions.defaults().withBatchSize(100).withMaxInFlight(1);

    private final FailedEventPublications failed;
    private final CompletedEventPublications completed;
    private final Duration keepCompleted;

    public OutboxRelay(FailedEventPublications failed, CompletedEventPublications completed, Duration keepCompleted) {
        this.failed = failed;
        this.completed = completed;
        this.keepCompleted = keepCompleted;
    }

    @Scheduled(fixedDelayString = "${securebase.events.outbox.retry-interval:PT10S}",
            initialDelayString = "${securebase.events.outbox.retry-interval:PT10S}")
    public void resubmitFailed() {
        try {
            failed.resubmit(ONE_AT_A_TIME_OLDEST_FIRST);
        } catch (RuntimeException e) {
            // The database may be briefly unreachable; the next run tries again. No event content in the log.
            log.warn("Could not resubmit failed event publications: {}", e.getClass().getSimpleName());
        }
    }

    @Scheduled(fixedDelayString = "${securebase.events.outbox.cleanup-interval:PT1H}",
            initialDelayString = "${securebase.events.outbox.cleanup-interval:PT1H}")
    public void deleteOldCompleted() {
        try {
            completed.deletePublicationsOlderThan(keepCompleted);
        } catch (RuntimeException e) {
            log.warn("Could not delete completed event publications: {}", e.getClass().getSimpleName());
        }
    }
}
