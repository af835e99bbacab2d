package org.securebase.platform.events.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The events kit's settings ({@code securebase.events.*}); a service sets {@code publishes} and nothing else.
 *
 * @param publishes the topics this service owns and publishes on (and creates at start-up where the broker allows)
 * @param topics    how those topics and the dead-letter topics are created
 * @param outbox    the relay's retry and cleanup
 * @param consumer  the listeners' consumer groups and retries
 */
@ConfigurationProperties("securebase.events")
public record EventsProperties(@DefaultValue List<String> publishes, @DefaultValue Topics topics,
                               @DefaultValue Outbox outbox, @DefaultValue Consumer consumer) {

    /**
     * @param partitions partitions of an owned topic when this service creates it
     * @param replicas   its replication factor, and the dead-letter topics' (1 for the single local broker; 3 in
     *                   production, where the topics are provisioned with these settings anyway)
     */
    public record Topics(@DefaultValue("3") int partitions, @DefaultValue("1") short replicas) {
    }

    /**
     * @param retryInterval   how often failed sends are resubmitted
     * @param keepCompleted   how long sent events stay in {@code event_publication}, for diagnosis
     * @param cleanupInterval how often older sent events are deleted
     */
    public record Outbox(@DefaultValue("PT10S") Duration retryInterval, @DefaultValue("P7D") Duration keepCompleted,
                         @DefaultValue("PT1H") Duration cleanupInterval) {
    }

    /**
     * @param groupPrefix    consumer groups are {@code <groupPrefix>.<consumer>}; empty means the application's name.
     *                       A fresh database (a projection to rebuild from the start) needs a new prefix.
     * @param retries        how often a failing record is retried before it is parked in the dead-letter topic
     * @param initialBackoff the first pause before a retry; each next one is twice as long
     */
    public record Consumer(@DefaultValue("") String groupPrefix, @DefaultValue("4") int retries,
                           @DefaultValue("500ms") Duration initialBackoff) {
    }
}
