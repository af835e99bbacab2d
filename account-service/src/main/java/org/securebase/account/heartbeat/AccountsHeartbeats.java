package org.securebase.account.heartbeat;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.securebase.platform.events.PartitionKeys;
import org.securebase.platform.events.Topics;
import org.securebase.platform.events.accounts.AccountsHeartbeat;
import org.securebase.platform.events.outbox.IntegrationEvents;
import org.securebase.platform.events.outbox.OutboxBacklog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Sends the heartbeats, one per partition, in one transaction (several instances may each send: harmless). */
@Component
class AccountsHeartbeats {

    private static final Logger log = LoggerFactory.getLogger(AccountsHeartbeats.class);

    private final IntegrationEvents events;
    private final OutboxBacklog backlog;
    private final KafkaOperations<?, ?> kafka;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AccountsHeartbeats(IntegrationEvents events, OutboxBacklog backlog, KafkaOperations<?, ?> kafka,
                       TransactionTemplate transactions, Clock clock) {
        this.events = events;
        this.backlog = backlog;
        this.kafka = kafka;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${securebase.accounts.heartbeat.interval:PT10S}",
            initialDelayString = "${securebase.accounts.heartbeat.initial-delay:PT5S}")
    void send() {
        try {
            int partitions = kafka.partitionsFor(Topics.ACCOUNTS).size();
            transactions.executeWithoutResult(status -> {
                Instant now = clock.instant();
                // Read before this transaction's own heartbeats enter the outbox.
                Instant caughtUpUntil = backlog.oldestPending().filter(oldest -> oldest.isBefore(now)).orElse(now);
                for (int partition = 0; partition < partitions; partition++) {
                    UUID key = PartitionKeys.keyFor("accounts-heartbeat", partition, partitions);
                    events.publish(new AccountsHeartbeat(key, partition, partitions, caughtUpUntil, now), now);
                }
            });
        } catch (RuntimeException e) {
            // The broker or the database away: no heartbeat, which is exactly what consumers must notice.
            log.warn("No heartbeat sent: {}", e.getClass().getSimpleName());
        }
    }
}
