package org.securebase.journal.caseload;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.securebase.journal.messaging.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Applies account events to {@code account_projection} and {@code caseload}, each in one transaction. */
@Component
class CaseloadProjection {

    static final String CONSUMER = "caseload";

    private static final Logger log = LoggerFactory.getLogger(CaseloadProjection.class);

    private final JdbcClient jdbc;
    private final ProcessedEvents processed;
    private final Clock clock;

    CaseloadProjection(JdbcClient jdbc, ProcessedEvents processed, Clock clock) {
        this.jdbc = jdbc;
        this.processed = processed;
        this.clock = clock;
    }

    @Transactional
    void apply(AccountEvent event) {
        if (!processed.firstTime(CONSUMER, event.eventId())) {
            log.debug("Account event {} already processed", event.eventId());
            return;
        }
        if (event instanceof AccountEvent.Other) {
            return;
        }
        if (!advanceSequence(event)) {
            log.debug("Account event {} is stale (sequence {}), ignored", event.eventId(), event.sequence());
            return;
        }
        if (event instanceof AccountEvent.AccountChanged changed) {
            jdbc.sql("""
                            update account_projection
                            set role = :role, status = coalesce(:status, status),
                                display_name = coalesce(:name, display_name)
                            where account_id = :id""")
                    .param("role", changed.role())
                    .param("status", changed.status())
                    .param("name", changed.displayName())
                    .param("id", changed.accountId())
                    .update();
        } else if (event instanceof AccountEvent.CaseloadAssigned assigned) {
            jdbc.sql("""
                            insert into caseload (client_id, therapist_id, caseload_assignment_id, since)
                            values (:client, :therapist, :assignment, :since)
                            on conflict (client_id) do update
                            set therapist_id = excluded.therapist_id,
                                caseload_assignment_id = excluded.caseload_assignment_id,
                                since = excluded.since""")
                    .param("client", assigned.accountId())
                    .param("therapist", assigned.therapistId())
                    .param("assignment", assigned.caseloadAssignmentId())
                    .param("since", Timestamp.from(assigned.since()))
                    .update();
        } else if (event instanceof AccountEvent.CaseloadEnded ended) {
            // Only the assignment that ended: a late CaseloadEnded of an older assignment leaves a newer one alone.
            jdbc.sql("""
                            delete from caseload where client_id = :client and caseload_assignment_id = :assignment""")
                    .param("client", ended.accountId())
                    .param("assignment", ended.caseloadAssignmentId())
                    .update();
        }
    }

    /**
     * Raises the account's applied sequence to the event's; false when the event is not newer than what was
     * already applied for that account (then it must change nothing).
     */
    private boolean advanceSequence(AccountEvent event) {
        return jdbc.sql("""
                        insert into account_projection (account_id, last_sequence, updated_at)
                        values (:id, :sequence, :now)
                        on conflict (account_id) do update
                        set last_sequence = excluded.last_sequence, updated_at = excluded.updated_at
                        where account_projection.last_sequence < excluded.last_sequence""")
                .param("id", event.accountId())
                .param("sequence", event.sequence())
                .param("now", Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
                .update() == 1;
    }
}
