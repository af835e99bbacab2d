package org.securebase.platform.events.consumer;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The processed-event ledger (table {@code processed_event}): which events each consumer has applied. Written in
 * the transaction that applies the event, so a rolled-back apply leaves no trace and the redelivery is applied.
 */
public class ProcessedEvents {

    private final JdbcClient jdbc;
    private final Clock clock;

    public ProcessedEvents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the event; false when this consumer had it before (then it must change nothing). */
    public boolean firstTime(String consumer, UUID eventId) {
        return jdbc.sql("""
                        insert into processed_event (consumer, event_id, processed_at) values (:consumer, :id, :at)
                        on conflict do nothing""")
                .param("consumer", consumer)
                .param("id", eventId)
                .param("at", Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
                .update() == 1;
    }
}
