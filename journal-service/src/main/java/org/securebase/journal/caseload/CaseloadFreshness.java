package org.securebase.journal.caseload;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.securebase.platform.events.accounts.AccountsHeartbeat;
import org.securebase.platform.events.consumer.IntegrationEventListener;
import org.securebase.platform.web.problem.ServiceUnavailableException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far behind the caseload projection may be (ADR 0016): account-service's heartbeats, one per partition of the
 * accounts topic, applied by the same consumer as the account events into {@code caseload_watermark}. Decisions that
 * grant a therapist a client ask {@link #requireCurrent()} first and fail closed (503 with Retry-After) while any
 * partition has not reported, or reports a delivery older than {@code securebase.journal.caseload.max-lag}.
 */
@Component
class CaseloadFreshness {

    static final String DETAIL = "Who is on which caseload cannot be confirmed right now, so clients' data is not shown "
            + "to therapists. Please try again in a minute.";

    private final JdbcClient jdbc;
    private final Duration maxLag;
    private final Clock clock;

    CaseloadFreshness(JdbcClient jdbc, @Value("${securebase.journal.caseload.max-lag:PT60S}") Duration maxLag, Clock clock) {
        this.jdbc = jdbc;
        this.maxLag = maxLag;
        this.clock = clock;
    }

    /** Newer heartbeats replace older ones; a late, older one changes nothing. */
    @IntegrationEventListener(consumer = "caseload")
    void on(AccountsHeartbeat heartbeat) {
        jdbc.sql("""
                        insert into caseload_watermark (topic_partition, partitions, caught_up_until, sent_at)
                        values (:partition, :partitions, :caughtUp, :sent)
                        on conflict (topic_partition) do update
                        set partitions = excluded.partitions, caught_up_until = excluded.caught_up_until,
                            sent_at = excluded.sent_at
                        where caseload_watermark.sent_at < excluded.sent_at""")
                .param("partition", heartbeat.partition())
                .param("partitions", heartbeat.partitions())
                .param("caughtUp", Timestamp.from(heartbeat.caughtUpUntil()))
                .param("sent", Timestamp.from(heartbeat.sentAt()))
                .update();
    }

    void requireCurrent() {
        if (!current()) {
            throw new ServiceUnavailableException(DETAIL, maxLag.dividedBy(4).plusSeconds(1));
        }
    }

    /** Every partition reported, and the oldest of what they report is within the bound. */
    boolean current() {
        Watermark watermark = jdbc.sql("""
                        select count(*) as reported, max(partitions) as partitions, min(caught_up_until) as oldest
                        from caseload_watermark""")
                .query((rs, n) -> new Watermark(rs.getInt("reported"), rs.getInt("partitions"),
                        rs.getTimestamp("oldest") == null ? null : rs.getTimestamp("oldest").toInstant()))
                .single();
        return watermark.oldest() != null && watermark.reported() >= watermark.partitions()
                && !watermark.oldest().isBefore(clock.instant().minus(maxLag));
    }

    private record Watermark(int reported, int partitions, Instant oldest) {
    }
}
