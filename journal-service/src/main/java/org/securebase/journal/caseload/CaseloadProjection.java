package org.securebase.journal.caseload;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.securebase.journal.crypto.ClientKeyErasure;
import org.securebase.platform.events.accounts.AccountActivated;
import org.securebase.platform.events.accounts.AccountDeactivated;
import org.securebase.platform.events.accounts.AccountErased;
import org.securebase.platform.events.accounts.AccountEvent;
import org.securebase.platform.events.accounts.AccountInvited;
import org.securebase.platform.events.accounts.AccountReactivated;
import org.securebase.platform.events.accounts.AccountRole;
import org.securebase.platform.events.accounts.CaseloadAssigned;
import org.securebase.platform.events.accounts.CaseloadEnded;
import org.securebase.platform.events.accounts.RoleChanged;
import org.securebase.platform.events.config.EventsProperties;
import org.securebase.platform.events.consumer.EventRejections;
import org.securebase.platform.events.consumer.IntegrationEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applies account-service's events ({@code securebase.accounts.v1}) to {@code account_projection} and
 * {@code caseload}. The events kit calls each method in one transaction with the ledger entry; here every event
 * first has to advance its account's sequence, so an event at or below the highest applied sequence - a replay, or
 * a retried send overtaken by a newer event - changes nothing.
 *
 * <p>It doubts what it reads. Only account-service can write the topic (the broker's ACLs), so every record comes
 * from it; still, an event whose sequence jumps far past the last one applied is rejected (applied, it would make
 * every later real event look stale), and so is a caseload that names an account this projection knows to be a
 * client or an admin, or deactivated. A therapist it does not know yet, or knows only as invited (their events are on
 * another partition and may come later), is stored, and {@link Caseloads} grants nothing until that account is known
 * as an active therapist.
 */
@Component
class CaseloadProjection {

    private static final String CONSUMER = "caseload";
    private static final Logger log = LoggerFactory.getLogger(CaseloadProjection.class);

    private final JdbcClient jdbc;
    private final EventRejections rejections;
    private final long maxSequenceGap;
    private final Clock clock;
    private final ClientKeyErasure keyErasure;

    CaseloadProjection(JdbcClient jdbc, EventRejections rejections, EventsProperties events, Clock clock,
                       ClientKeyErasure keyErasure) {
        this.jdbc = jdbc;
        this.rejections = rejections;
        this.maxSequenceGap = events.consumer().maxSequenceGap();
        this.clock = clock;
        this.keyErasure = keyErasure;
    }

    @IntegrationEventListener(consumer = CONSUMER)
    void on(AccountInvited invited) {
        accountChanged(invited, invited.role(), "INVITED", invited.displayName());
    }

    @IntegrationEventListener(consumer = CONSUMER)
    void on(AccountActivated activated) {
        accountChanged(activated, activated.role(), "ACTIVE", activated.displayName());
    }

    @IntegrationEventListener(consumer = CONSUMER)
    void on(AccountDeactivated deactivated) {
        accountChanged(deactivated, deactivated.role(), "DEACTIVATED", null);
    }

    @IntegrationEventListener(consumer = CONSUMER)
    void on(AccountReactivated reactivated) {
        accountChanged(reactivated, reactivated.role(), "ACTIVE", null);
    }

    /**
     * The person was erased: a client's key is destroyed (whatever the sequence says: a redelivery destroys nothing
     * more), and the projection forgets their name and their caseload, keeping only the id with the sequence, so that
     * a replayed older event (which may carry the name) stays stale and changes nothing.
     */
    @IntegrationEventListener(consumer = CONSUMER)
    void on(AccountErased erased) {
        if (erased.role() == AccountRole.CLIENT) {
            keyErasure.erase(erased.accountId());
        }
        if (!advanceSequence(erased)) {
            return;
        }
        jdbc.sql("""
                        update account_projection set role = :role, status = 'DEACTIVATED', display_name = null
                        where account_id = :id""")
                .param("role", erased.role().name())
                .param("id", erased.accountId())
                .update();
        jdbc.sql("delete from caseload where client_id = :id or therapist_id = :id")
                .param("id", erased.accountId())
                .update();
    }

    @IntegrationEventListener(consumer = CONSUMER)
    void on(RoleChanged changed) {
        accountChanged(changed, changed.role(), null, null);
    }

    @IntegrationEventListener(consumer = CONSUMER)
    void on(CaseloadAssigned assigned) {
        if (!advanceSequence(assigned)) {
            return;
        }
        if (knownAsNoTherapist(assigned.therapistId())) {
            rejections.reject("therapist-not-active");
            return;
        }
        jdbc.sql("""
                        insert into caseload (client_id, therapist_id, caseload_assignment_id, since)
                        values (:client, :therapist, :assignment, :since)
                        on conflict (client_id) do update
                        set therapist_id = excluded.therapist_id,
                            caseload_assignment_id = excluded.caseload_assignment_id,
                            since = excluded.since""")
                .param("client", assigned.clientId())
                .param("therapist", assigned.therapistId())
                .param("assignment", assigned.assignmentId())
                .param("since", Timestamp.from(assigned.assignedAt()))
                .update();
    }

    @IntegrationEventListener(consumer = CONSUMER)
    void on(CaseloadEnded ended) {
        if (!advanceSequence(ended)) {
            return;
        }
        // Only the assignment that ended: a late CaseloadEnded of an older assignment leaves a newer one alone.
        jdbc.sql("delete from caseload where client_id = :client and caseload_assignment_id = :assignment")
                .param("client", ended.clientId())
                .param("assignment", ended.assignmentId())
                .update();
    }

    /** The account's role now, its status if the event changes it, and its display name if the event has one. */
    private void accountChanged(AccountEvent event, AccountRole role, String status, String displayName) {
        if (!advanceSequence(event)) {
            return;
        }
        jdbc.sql("""
                        update account_projection
                        set role = :role, status = coalesce(:status, status),
                            display_name = coalesce(:name, display_name)
                        where account_id = :id""")
                .param("role", role.name())
                .param("status", status)
                .param("name", displayName)
                .param("id", event.aggregateId())
                .update();
    }

    private boolean knownAsNoTherapist(UUID account) {
        return jdbc.sql("""
                        select exists(select 1 from account_projection where account_id = :id and role is not null
                                      and (role <> 'THERAPIST' or status = 'DEACTIVATED'))""")
                .param("id", account)
                .query(Boolean.class)
                .single();
    }

    /**
     * Raises the account's applied sequence to the event's; false when the event must change nothing: not newer than
     * what was already applied for that account, or newer by an implausible jump (then it is also rejected).
     */
    private boolean advanceSequence(AccountEvent event) {
        UUID account = event.aggregateId();
        long last = jdbc.sql("select last_sequence from account_projection where account_id = :id for update")
                .param("id", account)
                .query(Long.class)
                .optional()
                .orElse(0L);
        if (event.sequence() <= last) {
            log.debug("Account event of {} is stale (sequence {}), ignored", account, event.sequence());
            return false;
        }
        if (event.sequence() - last > maxSequenceGap) {
            rejections.reject("implausible-sequence");
            return false;
        }
        jdbc.sql("""
                        insert into account_projection (account_id, last_sequence, updated_at)
                        values (:id, :sequence, :now)
                        on conflict (account_id) do update
                        set last_sequence = excluded.last_sequence, updated_at = excluded.updated_at""")
                .param("id", account)
                .param("sequence", event.sequence())
                .param("now", Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
                .update();
        return true;
    }
}
