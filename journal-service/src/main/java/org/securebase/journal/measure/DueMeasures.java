package org.securebase.journal.measure;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Makes the instances that came due, for every client, so MeasureDue (the reminder) is published even for a client
 * who does not open the portal. The schedule rows hold the next due time, so a restart loses nothing; rows are taken
 * with {@code skip locked}, so several service instances share the work.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MeasureProperties.class)
class DueMeasures {

    private static final int BATCH = 200;

    private final Measures measures;

    DueMeasures(Measures measures) {
        this.measures = measures;
    }

    @Scheduled(fixedDelayString = "${securebase.journal.measures.due-interval:PT1M}", initialDelayString = "PT5S")
    void makeDue() {
        while (measures.catchUp(null, BATCH) == BATCH) {
            // A full batch: there may be more due.
        }
    }
}
