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
     * @param groupPrefix      consumer groups are {@code <groupPrefix>.<consumer>}; empty means the application's
     *                         name. A fresh database (a projection to rebuild from the start) needs a new prefix.
     * @param initialBackoff   the first pause before a failed record is tried again; each next one is twice as long
     * @param maxBackoff       the longest pause between two tries (there is no last try: see the dead-letter policy)
     * @param maxSequenceGap   how far an account's event sequence may jump past the last one applied before the event
     *                         is taken as forged and rejected (a real account has a few events a day)
     */
    public record Consumer(@DefaultValue("") String groupPrefix, @DefaultValue("500ms") Duration initialBackoff,
                           @DefaultValue("30s") Duration maxBackoff, @DefaultValue("1000") long maxSequenceGap) {
    }
}
