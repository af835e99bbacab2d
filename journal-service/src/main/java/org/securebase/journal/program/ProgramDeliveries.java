package org.securebase.journal.program;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the programs' due steps, on every instance: due rows are taken with {@code for update skip locked}, so
 * instances share the work and never deliver one step twice.
 */
@Component
class ProgramDeliveries {

    private static final Logger log = LoggerFactory.getLogger(ProgramDeliveries.class);
    private static final int BATCH = 100;

    private final Programs programs;

    ProgramDeliveries(Programs programs) {
        this.programs = programs;
    }

    @Scheduled(fixedDelayString = "${securebase.journal.programs.delivery-interval:PT30S}", initialDelayString = "PT5S")
    void deliverDue() {
        try {
            while (programs.deliverDue(BATCH) == BATCH) {
                // A full batch: there may be more due.
            }
        } catch (RuntimeException failed) {
            // Typically the caseload projection being behind (fail closed, ADR 0016): the rows stay due for the next run.
            log.warn("Program steps not delivered this time: {}", failed.getClass().getSimpleName());
        }
    }
}
