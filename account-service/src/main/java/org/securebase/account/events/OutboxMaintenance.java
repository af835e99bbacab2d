package org.securebase.account.events;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the outbox moving: a send that failed (the broker was down longer than the producer's delivery timeout)
 * stays in the registry as failed and is sent again here; sent events are deleted after the retention period.
 */
@Component
class OutboxMaintenance {

    private static final Logger log = LoggerFactory.getLogger(OutboxMaintenance.class);

    private final FailedEventPublications failed;
    private final CompletedEventPublications completed;
    private final AccountsEventsProperties properties;

    OutboxMaintenance(FailedEventPublications failed, CompletedEventPublications completed,
            AccountsEventsProperties properties) {
        this.failed = failed;
        this.completed = completed;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${securebase.accounts.events.resubmit-interval:PT1M}",
            initialDelayString = "${securebase.accounts.events.resubmit-interval:PT1M}")
    void resubmitFailed() {
        try {
            // One at a time and oldest first, so a client's events are retried in the order they happened.
            failed.resubmit(ResubmissionOptions.defaults().withMaxInFlight(1).withBatchSize(100));
        } catch (RuntimeException e) {
            log.warn("Resubmitting failed event publications did not work; next attempt in {}",
                    properties.resubmitInterval(), e);
        }
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purgeCompleted() {
        Duration retention = properties.completedRetention();
        completed.deletePublicationsOlderThan(retention);
    }
}
