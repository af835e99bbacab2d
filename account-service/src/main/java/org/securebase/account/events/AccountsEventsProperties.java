package org.securebase.account.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param topicPartitions    partitions of {@code securebase.accounts.v1} when this service creates it
 * @param topicReplicas      its replication factor (1 for the single local broker; 3 in production)
 * @param completedRetention how long sent events stay in the outbox table, for diagnosis
 * @param resubmitInterval   how often events whose send failed (broker down longer than the producer's delivery
 *                           timeout) are sent again
 */
@ConfigurationProperties("securebase.accounts.events")
public record AccountsEventsProperties(
        @DefaultValue("3") int topicPartitions,
        @DefaultValue("1") short topicReplicas,
        @DefaultValue("P7D") Duration completedRetention,
        @DefaultValue("PT1M") Duration resubmitInterval) {
}
