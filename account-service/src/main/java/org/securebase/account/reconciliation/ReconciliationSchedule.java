package org.securebase.account.reconciliation;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the reconciliation when the service is ready and then on schedule (both switched off with
 * {@code securebase.accounts.reconciliation.enabled=false}). Keycloak may not be up yet when this service starts
 * (ADR 0002): a failed run is logged and the schedule tries again.
 */
@Component
public class ReconciliationSchedule {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationSchedule.class);

    private final Reconciliation reconciliation;
    private final ReconciliationProperties properties;
    private final Clock clock;
    private volatile CompletedRun startupRun;

    ReconciliationSchedule(Reconciliation reconciliation, ReconciliationProperties properties, Clock clock) {
        this.reconciliation = reconciliation;
        this.properties = properties;
        this.clock = clock;
    }

    /** The run made when the service became ready, if it completed. */
    public Optional<CompletedRun> startupRun() {
        return Optional.ofNullable(startupRun);
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStartup() {
        runIfEnabled("start-up").ifPresent(report -> startupRun = new CompletedRun(clock.instant(), report));
    }

    /**
     * Until a first run has succeeded (Keycloak is usually still starting when this service is ready), try
     * again every few seconds rather than waiting a whole interval: until then the service does not know the
     * people Keycloak already has.
     */
    @Scheduled(fixedDelayString = "PT10S", initialDelayString = "PT10S")
    void untilFirstSuccess() {
        if (startupRun == null) {
            runIfEnabled("start-up retry").ifPresent(report -> startupRun = new CompletedRun(clock.instant(), report));
        }
    }

    @Scheduled(fixedDelayString = "${securebase.accounts.reconciliation.interval:PT5M}",
            initialDelayString = "${securebase.accounts.reconciliation.interval:PT5M}")
    void onSchedule() {
        runIfEnabled("schedule");
    }

    private Optional<ReconciliationReport> runIfEnabled(String trigger) {
        if (!properties.enabled()) {
            return Optional.empty();
        }
        try {
            Optional<ReconciliationReport> report = reconciliation.runUnlessRunning();
            report.ifPresentOrElse(done -> log.debug("Reconciliation ({}) done: {}", trigger, done),
                    () -> log.debug("Reconciliation ({}) skipped: a run is in progress", trigger));
            return report;
        } catch (RuntimeException e) {
            log.warn("Reconciliation ({}) failed; next attempt in {}: {}", trigger, properties.interval(), e.toString());
            return Optional.empty();
        }
    }

    /** When a run finished and what it did. */
    public record CompletedRun(Instant finishedAt, ReconciliationReport report) {
    }
}
