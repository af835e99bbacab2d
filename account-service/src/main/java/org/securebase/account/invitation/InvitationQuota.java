package org.securebase.account.invitation;

import org.securebase.platform.web.problem.TooManyRequestsException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * At most {@code securebase.accounts.invitation.quota.requests} invitation emails per admin in any window of
 * {@code per} (20 an hour by default), counted in the database so every instance of the service shares one count
 * and whichever way the request came in (the portal's invite page, the API through the gateway) it is counted
 * once. The 21st is refused with 429 and {@code Retry-After} before anything is created or sent.
 */
@Component
class InvitationQuota {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final InvitationProperties.Quota quota;
    private final Clock clock;

    InvitationQuota(JdbcClient jdbc, TransactionTemplate transaction, InvitationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.quota = properties.quota();
        this.clock = clock;
    }

    /** Counts one invitation email of {@code inviter}, or refuses it when their window is full. */
    void take(UUID inviter) {
        Instant now = clock.instant();
        OffsetDateTime windowStart = OffsetDateTime.ofInstant(now.minus(quota.per()), ZoneOffset.UTC);
        transaction.executeWithoutResult(status -> {
            // One admin's requests take turns (two instances counting at once would both see room for one more).
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                    .param("key", "invitation-quota:" + inviter).query().singleValue();
            jdbc.sql("delete from invitation_request where inviter_id = :inviter and requested_at <= :start")
                    .param("inviter", inviter).param("start", windowStart).update();
            List<OffsetDateTime> inWindow = jdbc.sql("select requested_at from invitation_request "
                            + "where inviter_id = :inviter order by requested_at")
                    .param("inviter", inviter).query(OffsetDateTime.class).list();
            if (inWindow.size() >= quota.requests()) {
                // Room again when enough of the oldest requests have left the window (one, unless the limit was lowered).
                Instant roomAt = inWindow.get(inWindow.size() - quota.requests()).toInstant().plus(quota.per());
                throw new TooManyRequestsException("You have asked for " + quota.requests() + " invitation emails within "
                        + describe(quota.per()) + ", the most allowed. Please try again later.",
                        Duration.between(now, roomAt));
            }
            jdbc.sql("insert into invitation_request (inviter_id, requested_at) values (:inviter, :at)")
                    .param("inviter", inviter).param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
        });
    }

    private static String describe(Duration window) {
        if (window.toHours() >= 1 && window.toMinutesPart() == 0 && window.toSecondsPart() == 0) {
            return window.toHours() == 1 ? "an hour" : window.toHours() + " hours";
        }
        return window.toMinutes() + " minutes";
    }
}
