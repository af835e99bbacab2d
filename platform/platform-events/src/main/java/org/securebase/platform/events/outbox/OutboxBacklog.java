package org.securebase.platform.events.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the outbox has not delivered yet: publications without a completion date (in flight, failed, waiting for a
 * resubmission). Read by the gauges {@code securebase.outbox.pending} and {@code securebase.outbox.oldest.pending}
 * (seconds; 0 when nothing is pending), for alerts, and by whoever must tell consumers how far delivery has come.
 */
public class OutboxBacklog {

    private final JdbcClient jdbc;
    private final Clock clock;

    public OutboxBacklog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** When the oldest undelivered publication was written, if there is one. */
    public Optional<Instant> oldestPending() {
        return jdbc.sql("select min(publication_date) from event_publication where completion_date is null")
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .single();
    }

    public long pending() {
        return jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single();
    }

    void register(MeterRegistry registry) {
        Gauge.builder("securebase.outbox.pending", this, backlog -> safely(backlog::pending))
                .description("Event publications not delivered to Kafka yet").register(registry);
        Gauge.builder("securebase.outbox.oldest.pending", this, backlog -> safely(() -> backlog.oldestPending()
                        .map(oldest -> Duration.between(oldest, clock.instant()).toMillis() / 1000.0).orElse(0.0)))
                .baseUnit("seconds").description("Age of the oldest event publication not delivered yet")
                .register(registry);
    }

    // A scrape while the database is away reports NaN rather than failing the whole scrape.
    private static double safely(java.util.function.Supplier<? extends Number> read) {
        try {
            return read.get().doubleValue();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
