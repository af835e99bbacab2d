package org.securebase.platform.embedded;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far each consumer group is behind the end of the partitions it has read from, asked of the broker. A group
 * that committed nothing for a partition it subscribes to is not seen by {@link #totalLag}; tests that wait for a
 * group by name use {@link #lagOf}.
 */
public final class ConsumerLag {

    private final Map<String, Object> operator;

    /** {@code operator}: how to connect as the broker's super user (the stack's), to see every group. */
    public ConsumerLag(Map<String, Object> operator) {
        this.operator = operator;
    }

    /** Records not yet committed, summed over the groups {@code groups} selects (dead-letter readers included). */
    public long totalLag(Predicate<String> groups) throws ExecutionException, InterruptedException {
        try (Admin admin = admin()) {
            long lag = 0;
            for (String group : groupIds(admin)) {
                if (!groups.test(group)) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                        admin.listOffsets(latest).all().get();
                for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                    if (entry.getValue() != null) {
                        lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
                    }
                }
            }
            return lag;
        }
    }

    /**
     * Records of {@code topic} that {@code group} has not committed yet, counting every partition of the topic, also
     * those the group has committed nothing for.
     */
    public long lagOf(String group, String topic) throws ExecutionException, InterruptedException {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int partition = 0; partition < partitions; partition++) {
                latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
            }
            long lag = 0;
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end
                    : admin.listOffsets(latest).all().get().entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                lag += end.getValue().offset() - (done == null ? 0 : done.offset());
            }
            return lag;
        }
    }

    private static List<String> groupIds(Admin admin) throws ExecutionException, InterruptedException {
        Collection<ConsumerGroupListing> listings = admin.listConsumerGroups().all().get();
        return listings.stream().map(ConsumerGroupListing::groupId).toList();
    }

    private Admin admin() {
        Map<String, Object> properties = new java.util.HashMap<>(operator);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return Admin.create(properties);
    }
}
