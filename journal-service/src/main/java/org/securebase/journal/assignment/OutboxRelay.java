package org.securebase.journal.assignment;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the outbox moving: a send that failed (broker down longer than the producer's delivery timeout) stays in
 * the registry as failed and is resubmitted here, oldest first; completed publications are deleted after a while.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final FailedEventPublications failed;
    private final CompletedEventPublications completed;
    private final Duration keepCompleted;

    OutboxRelay(FailedEventPublications failed, CompletedEventPublications completed,
                @Value("${securebase.journal.outbox.keep-completed:P7D}") Duration keepCompleted) {
        this.failed = failed;
        this.completed = completed;
        this.keepCompleted = keepCompleted;
    }

    @Scheduled(fixedDelayString = "${securebase.journal.outbox.retry-interval:PT30S}",
            initialDelayString = "${securebase.journal.outbox.retry-interval:PT30S}")
    void resubmitFailed() {
        try {
            failed.resubmit(ResubmissionOptions.defaults().withBatchSize(100).withMaxInFlight(10));
        } catch (RuntimeException e) {
            // The database may be briefly unreachable; the next run tries again.
            log.warn("Could not resubmit failed event publications: {}", e.getClass().getSimpleName());
        }
    }

    @Scheduled(cron = "${securebase.journal.outbox.cleanup-cron:0 23 3 * * *}")
    void deleteOldCompleted() {
        completed.deletePublicationsOlderThan(keepCompleted);
    }
}
