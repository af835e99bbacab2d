package org.securebase.journal.record;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.securebase.journal.web.JournalTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Prepares the requested copies, one at a time per instance, any instance taking any request: the request that an
 * instance stored is started by it as soon as it commits, and every instance sweeps for requests left waiting (a
 * restart, a claim of an instance that stopped) and for copies whose link expired. Logs ids, sizes and times only.
 */
@Component
@EnableConfigurationProperties(RecordProperties.class)
class RecordPreparation implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RecordPreparation.class);

    private final RecordExportRepository repository;
    private final RecordAssembly assembly;
    private final RecordRendering rendering;
    private final RecordProperties properties;
    private final org.securebase.journal.caseload.Caseloads caseloads;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final java.util.concurrent.atomic.AtomicBoolean sweepWaiting = new java.util.concurrent.atomic.AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "record-preparation");
        thread.setDaemon(true);
        return thread;
    });

    RecordPreparation(RecordExportRepository repository, RecordAssembly assembly, RecordRendering rendering,
                      RecordProperties properties, org.securebase.journal.caseload.Caseloads caseloads,
                      PlatformTransactionManager transactions, Clock clock) {
        this.caseloads = caseloads;
        this.repository = repository;
        this.assembly = assembly;
        this.rendering = rendering;
        this.properties = properties;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @TransactionalEventListener
    void on(RecordExportRequested requested) {
        try {
            worker.execute(this::prepareWaiting);
        } catch (RejectedExecutionException shuttingDown) {
            // the next instance's sweep takes it
        }
    }

    /**
     * Hands the sweep to the preparation's own thread and returns: the scheduler's one thread also seals the audit and
     * delivers programs, and must not wait for a large record. At most one sweep waits there at a time.
     */
    @Scheduled(fixedDelayString = "${securebase.journal.record.sweep-interval:PT15S}", initialDelayString = "PT5S")
    void sweep() {
        if (!sweepWaiting.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.execute(() -> {
                sweepWaiting.set(false);
                try {
                    prepareWaiting();
                    Integer expired = ownTransaction.execute(status -> repository.expire(JournalTime.now(clock)));
                    if (expired != null && expired > 0) {
                        log.info("dropped the archives of {} expired record copies", expired);
                    }
                } catch (RuntimeException e) {
                    log.warn("record sweep failed: {}", e.getClass().getSimpleName());
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            sweepWaiting.set(false);
        }
    }

    /** Prepares requests until none is waiting. */
    void prepareWaiting() {
        while (true) {
            Instant now = JournalTime.now(clock);
            Optional<RecordExport> claimed = ownTransaction.execute(status ->
                    repository.claimNext(now, now.minus(properties.preparationTimeout())));
            if (claimed == null || claimed.isEmpty()) {
                return;
            }
            prepare(claimed.get());
        }
    }

    /** The claim this instance holds on a request; renewed with each progress report. */
    private final class Claim implements RecordAssembly.Progress {
        private RecordExport held;
        private int total;

        Claim(RecordExport claimed) {
            this.held = claimed;
        }

        @Override
        public void total(int total) {
            this.total = total;
            renew(0);
        }

        @Override
        public void done(int done) {
            renew(done);
        }

        /** Renews the claim; stops the preparation when another instance took it over. */
        void renew(int done) {
            held = ownTransaction.execute(status -> repository.progress(held, done, total, JournalTime.now(clock)))
                    .orElseThrow(TakenOver::new);
        }
    }

    /** Another instance holds the claim now: it prepares the copy, this one stops. */
    private static final class TakenOver extends RuntimeException {
        TakenOver() {
            super("claim taken over", null, false, false);
        }
    }

    private void prepare(RecordExport claimed) {
        long started = System.nanoTime();
        Claim claim = new Claim(claimed);
        try {
            if (claimed.forTherapist() && !caseloads.isCurrentTherapist(claimed.requestedBy(), claimed.subjectId())) {
                // The client left the therapist's caseload after the request: the therapist holds nothing to copy.
                ownTransaction.executeWithoutResult(status -> repository.failed(claimed));
                return;
            }
            ClientRecord record = assembly.assemble(claimed, JournalTime.now(clock), claim);
            claim.renew(claim.total);
            byte[] archive = rendering.archive(record, claimed.language());
            Instant now = JournalTime.now(clock);
            boolean stored = Boolean.TRUE.equals(ownTransaction.execute(status ->
                    repository.ready(claim.held, archive, now, now.plus(properties.linkValidity()))));
            log.info("record copy {} {} in {} ms ({} assignments, {} entries, {} bytes)", claimed.id(),
                    stored ? "prepared" : "was taken over by another instance", (System.nanoTime() - started) / 1_000_000,
                    record.assignments().size(), record.journalEntries().size(), archive.length);
        } catch (TakenOver takenOver) {
            log.info("record copy {} was taken over by another instance", claimed.id());
        } catch (RuntimeException | Error failure) {
            // The class only: a message could quote the record's text (a layout error naming what it could not set).
            log.error("record copy {} could not be prepared: {}", claimed.id(), failure.getClass().getName());
            try {
                ownTransaction.executeWithoutResult(status -> repository.failed(claim.held));
            } catch (RuntimeException notMarked) {
                log.warn("record copy {} stays waiting: {}", claimed.id(), notMarked.getClass().getSimpleName());
            }
            if (failure instanceof Error error) {
                throw error;
            }
        }
    }

    @Override
    public void destroy() {
        // No interrupt: a preparation cut short now would be marked failed; left alone, its claim goes stale and
        // another instance prepares it again.
        worker.shutdown();
    }
}
