package org.securebase.content.accounts;

import java.util.UUID;

import org.securebase.content.pinning.PinnedReadings;
import org.securebase.platform.events.accounts.AccountActivated;
import org.securebase.platform.events.accounts.AccountDeactivated;
import org.securebase.platform.events.accounts.AccountErased;
import org.securebase.platform.events.accounts.AccountRole;
import org.securebase.platform.events.accounts.AccountInvited;
import org.securebase.platform.events.accounts.AccountReactivated;
import org.securebase.platform.events.config.EventsProperties;
import org.securebase.platform.events.consumer.EventRejections;
import org.securebase.platform.events.consumer.IntegrationEventListener;
import org.securebase.platform.security.DeactivatedAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Feeds {@code account_status} from account-service's status events and answers platform-security's question. An
 * event whose sequence jumps implausibly far past the last one applied is rejected: applied, it would make every
 * later real event of that account look stale, and freeze their status.
 */
@Component
class AccountStatusProjection implements DeactivatedAccounts {

    private static final String CONSUMER = "account-status";

    private final JdbcClient jdbc;
    private final EventRejections rejections;
    private final long maxSequenceGap;
    private final PinnedReadings pins;

    AccountStatusProjection(JdbcClient jdbc, EventRejections rejections, EventsProperties events, PinnedReadings pins) {
        this.jdbc = jdbc;
        this.rejections = rejections;
        this.maxSequenceGap = events.consumer().maxSequenceGap();
        this.pins = pins;
    }

    @IntegrationEventListener(consumer = CONSUMER)
    void on(AccountInvited invited) {
        apply(invited.accountId(), false, invited.sequence());
    }

    @IntegrationEventListener(consumer = CONSUMER)
    void on(AccountActivated activated) {
        apply(activated.accountId(), false, activated.sequence());
    }

    @IntegrationEventListener(consumer = CONSUMER)
    void on(AccountDeactivated deactivated) {
        apply(deactivated.accountId(), true, deactivated.sequence());
    }

    @IntegrationEventListener(consumer = CONSUMER)
    void on(AccountReactivated reactivated) {
        apply(reactivated.accountId(), false, reactivated.sequence());
    }

    /**
     * Erased: refused for good, like a deactivated account, the row keeping only the id and the sequence; and a
     * client's pinned readings are dropped (in this consumer, which applies the account's events in order).
     */
    @IntegrationEventListener(consumer = CONSUMER)
    void on(AccountErased erased) {
        apply(erased.accountId(), true, erased.sequence());
        if (erased.role() == AccountRole.CLIENT) {
            pins.forget(erased.accountId());
        }
    }

    /** Only an event newer (by the account's sequence) than the one applied changes the row. */
    private void apply(UUID accountId, boolean deactivated, long sequence) {
        long last = jdbc.sql("select last_sequence from account_status where account_id = :id for update")
                .param("id", accountId)
                .query(Long.class)
                .optional()
                .orElse(0L);
        if (sequence > last && sequence - last > maxSequenceGap) {
            rejections.reject("implausible-sequence");
            return;
        }
        jdbc.sql("""
                        insert into account_status (account_id, deactivated, last_sequence)
                        values (:id, :deactivated, :sequence)
                        on conflict (account_id) do update
                        set deactivated = excluded.deactivated, last_sequence = excluded.last_sequence
                        where account_status.last_sequence < excluded.last_sequence""")
                .param("id", accountId)
                .param("deactivated", deactivated)
                .param("sequence", sequence)
                .update();
    }

    @Override
    public boolean isDeactivated(UUID accountId) {
        return jdbc.sql("select deactivated from account_status where account_id = :id")
                .param("id", accountId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }
}
