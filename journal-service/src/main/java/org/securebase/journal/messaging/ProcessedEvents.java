package org.securebase.journal.messaging;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which events a consumer has already applied. Called in the transaction that applies the event: if that
 * transaction rolls back, the id is not recorded either, and the redelivery is applied then.
 */
@Component
public class ProcessedEvents {

    private final JdbcClient jdbc;
    private final Clock clock;

    ProcessedEvents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the event; false when this consumer had processed it before (then do nothing). */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstTime(String consumer, UUID eventId) {
        return jdbc.sql("""
                        insert into processed_event (consumer, event_id, processed_at) values (:consumer, :id, :at)
                        on conflict do nothing""")
                .param("consumer", consumer)
                .param("id", eventId)
                .param("at", java.sql.Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
                .update() == 1;
    }
}
