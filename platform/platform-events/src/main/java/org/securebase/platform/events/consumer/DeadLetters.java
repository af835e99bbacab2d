package org.securebase.platform.events.consumer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.securebase.platform.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The records this service's consumers parked, and their replay once the cause is fixed (a service upgraded to a
 * schema version it did not know, a producer's bug repaired).
 *
 * <p>A parked record stays in its dead-letter topic: the replay reads each dead-letter topic of a consumer from the
 * beginning, takes the records that consumer's group parked (the dead-letter header naming the original consumer
 * group), and hands each, under its original topic, partition and offset, to the same listener methods the live
 * container calls. The processed-event ledger makes it idempotent: a record already applied (by an earlier replay)
 * changes nothing, so replaying twice is safe, and a record that fails again stays parked and is counted. Copies
 * parked by a projection's decision ({@link EventRejections}) are listed, never replayed: a rejection is applied by
 * fixing its cause upstream, where a new event is sent.
 *
 * <p>Projections keep the order per aggregate themselves (an account's sequence, an article's version), so a parked
 * event older than what a projection holds is ignored when replayed, as a late duplicate would be.
 */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int LISTED = 50;

    private final IntegrationEventListeners listeners;
    private final ConsumerFactory<?, ?> consumers;
    private final Duration readTimeout;

    public DeadLetters(IntegrationEventListeners listeners, ConsumerFactory<?, ?> consumers, Duration readTimeout) {
        this.listeners = listeners;
        this.consumers = consumers;
        this.readTimeout = readTimeout;
    }

    /**
     * A parked record, without its payload (events carry no clinical data, but an inventory needs none).
     *
     * @param at         where it is parked: {@code <topic>.dlt-<partition>@<offset>}
     * @param original   where it was read: {@code <topic>-<partition>@<offset>}, when the header says
     * @param reason     {@code malformed}, {@code unknown-schema-version}, a rejection's reason, or the exception's class
     * @param replayable whether {@link #replay} hands it to the listener again (parked by a failure, not a decision)
     */
    public record Parked(String at, String original, String reason, Instant parkedAt, boolean replayable) {
    }

    /** One consumer's parked records: counts per reason, and the newest ones. */
    public record Inventory(String consumer, String group, Map<String, Long> perReason, List<Parked> newest) {
    }

    /**
     * @param delivered   records handed to the listener (applied now, or found applied before: the ledger says)
     * @param failedAgain records that failed again, as {@code where: reason}; they stay parked
     */
    public record Replay(String consumer, long delivered, List<String> failedAgain) {
    }

    public List<String> consumers() {
        return listeners.dispatchers().stream().map(EventDispatcher::consumer).toList();
    }

    public List<Inventory> inventory() {
        List<Inventory> inventories = new ArrayList<>();
        for (EventDispatcher dispatcher : listeners.dispatchers()) {
            String group = listeners.groupOf(dispatcher);
            Map<String, Long> perReason = new TreeMap<>();
            List<Parked> newest = new ArrayList<>();
            read(dispatcher, record -> {
                Optional<Parked> parked = parked(record, dispatcher.consumer(), group);
                parked.ifPresent(p -> {
                    perReason.merge(p.reason(), 1L, Long::sum);
                    newest.add(p);
                    if (newest.size() > LISTED) {
                        newest.remove(0);
                    }
                });
            });
            inventories.add(new Inventory(dispatcher.consumer(), group, perReason, List.copyOf(newest)));
        }
        return inventories;
    }

    public Replay replay(String consumer) {
        EventDispatcher dispatcher = listeners.dispatchers().stream().filter(d -> d.consumer().equals(consumer))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(
                        "no consumer named '" + consumer + "' in this service; there are " + consumers()));
        String group = listeners.groupOf(dispatcher);
        long[] delivered = {0};
        List<String> failedAgain = new ArrayList<>();
        read(dispatcher, record -> {
            if (!group.equals(text(record.headers(), KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP))) {
                return;
            }
            try {
                dispatcher.onRecord(original(record));
                delivered[0]++;
            } catch (RuntimeException failure) {
                String where = record.topic() + "-" + record.partition() + "@" + record.offset();
                failedAgain.add(where + ": " + reasonOf(failure));
                // The failure's class only: a message might carry data of the event.
                log.warn("Replay of the parked event at {} failed again: {}", where, failure.getClass().getSimpleName());
            }
        });
        log.info("Replayed the parked events of consumer {}: {} delivered, {} failed again", consumer, delivered[0],
                failedAgain.size());
        return new Replay(consumer, delivered[0], List.copyOf(failedAgain));
    }

    private void read(EventDispatcher dispatcher, Consumer<ConsumerRecord<String, byte[]>> each) {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        overrides.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Assigned, never subscribed and never committed: the group only satisfies the broker's ACL on group names.
        String group = listeners.groupOf(dispatcher) + ".dead-letters";
        try (org.apache.kafka.clients.consumer.Consumer<?, ?> raw = consumers.createConsumer(group, null, null, overrides)) {
            @SuppressWarnings("unchecked")
            org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer =
                    (org.apache.kafka.clients.consumer.Consumer<String, byte[]>) raw;
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : dispatcher.topics().stream().sorted().toList()) {
                List<PartitionInfo> infos = consumer.partitionsFor(Topics.deadLetterOf(topic), readTimeout);
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
                }
            }
            if (partitions.isEmpty()) {
                return;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new LinkedHashMap<>(consumer.endOffsets(partitions, readTimeout));
            Instant deadline = Instant.now().plus(readTimeout);
            while (!reachedEnd(consumer, end)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the dead-letter topics could not be read to their end within "
                            + readTimeout);
                }
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        each.accept(record);
                    }
                }
            }
        }
    }

    private static boolean reachedEnd(org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer,
                                      Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static Optional<Parked> parked(ConsumerRecord<String, byte[]> record, String consumer, String group) {
        String at = record.topic() + "-" + record.partition() + "@" + record.offset();
        Instant parkedAt = Instant.ofEpochMilli(record.timestamp());
        String rejectedBy = text(record.headers(), EventRejections.CONSUMER_HEADER);
        if (rejectedBy != null) {
            return consumer.equals(rejectedBy)
                    ? Optional.of(new Parked(at, originalOf(record), text(record.headers(), EventRejections.REASON_HEADER),
                            parkedAt, false))
                    : Optional.empty();
        }
        if (!group.equals(text(record.headers(), KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP))) {
            return Optional.empty();
        }
        return Optional.of(new Parked(at, originalOf(record), failureOf(record), parkedAt, true));
    }

    private static String failureOf(ConsumerRecord<String, byte[]> record) {
        String exception = text(record.headers(), KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
        if (exception == null) {
            exception = text(record.headers(), KafkaHeaders.DLT_EXCEPTION_FQCN);
        }
        if (exception == null) {
            return "unknown";
        }
        if (exception.endsWith("UnknownSchemaVersionException")) {
            return "unknown-schema-version";
        }
        if (exception.endsWith("MalformedEventException")) {
            return "malformed";
        }
        return exception.substring(exception.lastIndexOf('.') + 1);
    }

    private static String reasonOf(RuntimeException failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            if (cause instanceof org.securebase.platform.events.UnknownSchemaVersionException
                    || cause instanceof org.securebase.platform.events.MalformedEventException) {
                break;
            }
            cause = cause.getCause();
        }
        if (cause instanceof org.securebase.platform.events.UnknownSchemaVersionException) {
            return "unknown-schema-version";
        }
        if (cause instanceof org.securebase.platform.events.MalformedEventException) {
            return "malformed";
        }
        return cause.getClass().getSimpleName();
    }

    private static String originalOf(ConsumerRecord<String, byte[]> record) {
        String topic = text(record.headers(), KafkaHeaders.DLT_ORIGINAL_TOPIC);
        Integer partition = integer(record.headers(), KafkaHeaders.DLT_ORIGINAL_PARTITION);
        Long offset = number(record.headers(), KafkaHeaders.DLT_ORIGINAL_OFFSET);
        return topic == null ? null : topic + "-" + partition + "@" + offset;
    }

    /** The record as the live consumer read it, so the ledger, the rejections and the metadata see the original. */
    private static ConsumerRecord<String, byte[]> original(ConsumerRecord<String, byte[]> parked) {
        String topic = text(parked.headers(), KafkaHeaders.DLT_ORIGINAL_TOPIC);
        Integer partition = integer(parked.headers(), KafkaHeaders.DLT_ORIGINAL_PARTITION);
        Long offset = number(parked.headers(), KafkaHeaders.DLT_ORIGINAL_OFFSET);
        if (topic == null || partition == null || offset == null) {
            throw new IllegalStateException("the parked record at " + parked.topic() + "@" + parked.offset()
                    + " has no original topic, partition and offset");
        }
        return new ConsumerRecord<>(topic, partition, offset, parked.key(), parked.value());
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Integer integer(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value().length != Integer.BYTES ? null : ByteBuffer.wrap(header.value()).getInt();
    }

    private static Long number(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value().length != Long.BYTES ? null : ByteBuffer.wrap(header.value()).getLong();
    }
}
