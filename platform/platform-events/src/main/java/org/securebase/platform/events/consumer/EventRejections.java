package org.securebase.platform.events.consumer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.securebase.platform.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * For a listener that doubts an event: one that reads well but must not be believed (a sequence that jumps
 * implausibly, a caseload naming someone who is not an active therapist). The listener applies what is safe (for
 * instance, only that the event was seen) and calls {@link #reject}; once its transaction commits, a copy of the
 * record goes to the topic's dead-letter topic with the reason in the header {@value #REASON_HEADER}, and the
 * {@code securebase.events.rejected} counter rises. The consumer moves on: a rejection is a decision, not a failure.
 */
public class EventRejections {

    public static final String REASON_HEADER = "securebase-rejected-reason";
    public static final String CONSUMER_HEADER = "securebase-rejected-by";

    private static final Logger log = LoggerFactory.getLogger(EventRejections.class);
    private static final ThreadLocal<Current> CURRENT = new ThreadLocal<>();

    private record Current(String consumer, ConsumerRecord<String, byte[]> record) {
    }

    private final KafkaOperations<Object, Object> kafka;
    private final EventMetrics metrics;

    public EventRejections(KafkaOperations<Object, Object> kafka, EventMetrics metrics) {
        this.kafka = kafka;
        this.metrics = metrics;
    }

    /** Rejects the event being applied on this thread; {@code reason} is a short code, never data of the event. */
    public void reject(String reason) {
        Current current = CURRENT.get();
        if (current == null) {
            throw new IllegalStateException("reject is for an @IntegrationEventListener method, while it applies an event");
        }
        Runnable park = () -> park(current, reason);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    park.run();
                }
            });
        } else {
            park.run();
        }
    }

    private void park(Current current, String reason) {
        ConsumerRecord<String, byte[]> record = current.record();
        metrics.rejected(record.topic(), current.consumer(), reason);
        log.warn("Rejected the event at {}-{}@{} ({}); parked in {}", record.topic(), record.partition(),
                record.offset(), reason, Topics.deadLetterOf(record.topic()));
        ProducerRecord<Object, Object> copy = new ProducerRecord<>(Topics.deadLetterOf(record.topic()), record.key(),
                record.value());
        copy.headers().add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        copy.headers().add(CONSUMER_HEADER, current.consumer().getBytes(StandardCharsets.UTF_8));
        // Where it was read, in the headers a failure's dead-letter copy carries too.
        copy.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, record.topic().getBytes(StandardCharsets.UTF_8));
        copy.headers().add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(record.partition()).array());
        copy.headers().add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(record.offset()).array());
        kafka.send(copy).whenComplete((sent, failure) -> {
            if (failure != null) {
                // The decision stands (the event was not applied); only the copy for inspection is missing.
                log.warn("Could not park the rejected event at {}-{}@{}: {}", record.topic(), record.partition(),
                        record.offset(), failure.getClass().getSimpleName());
            }
        });
    }

    static void applying(String consumer, ConsumerRecord<String, byte[]> record) {
        CURRENT.set(new Current(consumer, record));
    }

    static void done() {
        CURRENT.remove();
    }
}
