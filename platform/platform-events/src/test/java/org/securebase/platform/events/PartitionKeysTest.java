package org.securebase.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class PartitionKeysTest {

    @Test
    void eachKeyLandsOnItsPartitionAsTheProducersOwnPartitionerComputesIt() {
        try (StringSerializer serializer = new StringSerializer()) {
            serializer.configure(Map.of(), true);
            for (int partitions : new int[] {1, 3, 7}) {
                for (int partition = 0; partition < partitions; partition++) {
                    UUID key = PartitionKeys.keyFor("heartbeat", partition, partitions);
                    byte[] bytes = serializer.serialize(Topics.ACCOUNTS, key.toString());
                    assertThat(BuiltInPartitioner.partitionForKey(bytes, partitions)).isEqualTo(partition);
                    assertThat(PartitionKeys.keyFor("heartbeat", partition, partitions)).isEqualTo(key);
                }
            }
        }
    }
}
