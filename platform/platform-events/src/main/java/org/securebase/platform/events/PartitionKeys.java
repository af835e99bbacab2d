package org.securebase.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.common.utils.Utils;

/**
 * Keys that land on a chosen partition under Kafka's default partitioner (murmur2 of the key's bytes, as the
 * producer's {@code StringSerializer} writes them), for a record that must travel behind everything else on that
 * partition, such as a heartbeat. Deterministic: the same partition count gives the same keys everywhere.
 */
public final class PartitionKeys {

    private PartitionKeys() {
    }

    public static UUID keyFor(String purpose, int partition, int partitions) {
        if (partition < 0 || partition >= partitions) {
            throw new IllegalArgumentException("no partition " + partition + " of " + partitions);
        }
        for (int attempt = 0; ; attempt++) {
            UUID candidate = UUID.nameUUIDFromBytes((purpose + "/" + partitions + "/" + attempt).getBytes(StandardCharsets.UTF_8));
            if (partitionOf(candidate.toString(), partitions) == partition) {
                return candidate;
            }
        }
    }

    /** The partition the default partitioner gives {@code key}. */
    public static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
