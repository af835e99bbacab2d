package org.securebase.content.events;

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
 * Retries what the outbox could not deliver. Modulith marks a publication FAILED when the Kafka send fails
 * (broker down, timeout) and, through its staleness monitor, when one stays in flight too long (the
 * service died mid-send); this resubmits the failed ones on a fixed delay until the broker takes them.
 * Safe with several instances: each publication is claimed (marked RESUBMITTED) by one of them.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final FailedEventPublications failed;
    private final CompletedEventPublications completed;
    private final ResubmissionOptions options;
    private final Duration keepCompleted;

    OutboxRelay(FailedEventPublications failed, CompletedEventPublications completed,
                @Value("${securebase.content.outbox.batch-size:100}") int batchSize,
                @Value("${securebase.content.outbox.keep-completed:P7D}") Duration keepCompleted) {
        this.failed = failed;
        this.completed = completed;
        this.options = ResubmissionOptions.defaults().withBatchSize(batchSize).withMaxInFlight(batchSize);
        this.keepCompleted = keepCompleted;
    }

    @Scheduled(fixedDelayString = "${securebase.content.outbox.retry-interval:PT10S}",
            initialDelayString = "${securebase.content.outbox.retry-interval:PT10S}")
    void resubmitFailed() {
        try {
            failed.resubmit(options);
        } catch (RuntimeException e) {
            // The database may be briefly unreachable; the next run tries again.
            log.warn("Could not resubmit failed event publications: {}", e.getMessage());
        }
    }

    /** Completed publications are kept a while for inspection, then dropped so the table stays small. */
    @Scheduled(cron = "${securebase.content.outbox.cleanup-cron:0 17 3 * * *}")
    void deleteOldCompleted() {
        completed.deletePublicationsOlderThan(keepCompleted);
    }
}
