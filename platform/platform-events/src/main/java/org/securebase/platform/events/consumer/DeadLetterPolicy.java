package org.securebase.platform.events.consumer;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.securebase.platform.events.MalformedEventException;
import org.securebase.platform.events.Topics;
import org.securebase.platform.events.UnknownSchemaVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ContainerPausingBackOffHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What happens to a record a listener cannot apply: fail closed, lose nothing.
 *
 * <p>Only a record that can never be applied is parked in {@code <topic>.dlt}, at once, with its original key and
 * bytes and the failure in headers: not an envelope, a payload of the wrong shape, a schema version this service does
 * not know. Every other failure (the database away during a failover, the broker, a bug) is retried without end,
 * with back-off growing to a bound, and nothing after the record is committed in the meantime: a revocation that
 * meets a database outage is applied when the database is back, never skipped. While it waits the container is
 * paused rather than its thread put to sleep, so the consumer stays in its group. Parked records can be replayed
 * ({@code deadletters} actuator endpoint) once the cause is fixed.
 */
public final class DeadLetterPolicy {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPolicy.class);

    private DeadLetterPolicy() {
    }

    public static CommonErrorHandler errorHandler(KafkaOperations<Object, Object> kafka, ConsumerPauses pauses,
                                                  EventMetrics metrics, Duration initialBackoff, Duration maxBackoff) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
        ExponentialBackOff backOff = new ExponentialBackOff(initialBackoff.toMillis(), 2.0);
        backOff.setMaxInterval(maxBackoff.toMillis());
        // No maximum elapsed time and no maximum attempts: a record that may still be applied is never given up.
        DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> {
            metrics.deadLettered(record.topic(), reason(failure));
            recoverer.accept(record, failure);
        }, backOff, new ContainerPausingBackOffHandler(pauses.service()));
        // Retryable unless it can never succeed: these, and the framework's own (a record that cannot be converted).
        handler.addNotRetryableExceptions(MalformedEventException.class, UnknownSchemaVersionException.class);
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int attempt) {
                metrics.retried(record.topic());
                if (attempt == 1 || attempt % 10 == 0) {
                    // The failure's class only: a message might carry data of the event.
                    log.warn("Event at {}-{}@{} not applied yet (attempt {}): {}; retrying, nothing after it is committed",
                            record.topic(), record.partition(), record.offset(), attempt, rootCause(failure));
                }
            }
        });
        return handler;
    }

    private static String reason(Exception failure) {
        Throwable cause = failure;
        while (cause != null) {
            if (cause instanceof UnknownSchemaVersionException) {
                return "unknown-schema-version";
            }
            if (cause instanceof MalformedEventException) {
                return "malformed";
            }
            cause = cause.getCause();
        }
        return "other";
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }
}
