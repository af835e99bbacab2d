package org.securebase.platform.events.accounts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.securebase.platform.events.EventContract;
import org.securebase.platform.events.EventPayload;
import org.securebase.platform.events.Topics;

/**
 * account-service's word that nothing older than {@code caughtUpUntil} is still on its way: sent every few seconds
 * through the outbox, once to each partition of the topic, behind every event before it. A consumer that has applied
 * the heartbeat of every partition has applied every account event up to the oldest of their {@code caughtUpUntil};
 * if that is too long ago (the broker, the outbox or the consumer itself stuck), a projection built from the topic
 * may be missing a revocation, and access decisions made from it must fail closed. Not an account event: no account,
 * no sequence, and consumers do not record it in their ledger.
 *
 * @param heartbeatId   the record key; chosen so that it lands on {@code partition}
 * @param partition     the partition it was sent to
 * @param partitions    how many partitions the topic had when it was sent
 * @param caughtUpUntil when the oldest event account-service had not yet delivered was written, or when this
 *                      heartbeat was sent if there was none
 * @param sentAt        when this heartbeat was written
 */
@EventContract(topic = Topics.ACCOUNTS, schemaVersion = 1, recordInLedger = false)
public record AccountsHeartbeat(UUID heartbeatId, int partition, int partitions, Instant caughtUpUntil, Instant sentAt)
        implements EventPayload {

    public AccountsHeartbeat {
        Objects.requireNonNull(heartbeatId, "heartbeatId");
        Objects.requireNonNull(caughtUpUntil, "caughtUpUntil");
        Objects.requireNonNull(sentAt, "sentAt");
        if (partition < 0 || partitions < 1 || partition >= partitions) {
            throw new IllegalArgumentException("partition must be one of the topic's partitions");
        }
    }

    @Override
    public UUID aggregateId() {
        return heartbeatId;
    }
}
