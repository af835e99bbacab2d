package org.securebase.platform.events.consumer;

import java.time.Duration;

import org.apache.kafka.common.TopicPartition;
import org.securebase.platform.events.MalformedEventException;
import org.securebase.platform.events.Topics;
import org.securebase.platform.events.UnknownSchemaVersionException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * What happens to a record a listener cannot apply. A record that can never be applied (not an envelope, a payload
 * of the wrong shape, a schema version this service does not know) is parked at once in {@code <topic>.dlt} with its
 * original key and bytes and the failure in headers; the consumer commits past it and goes on. Other failures (the
 * database briefly away) are retried with exponential back-off first, then parked too, so one record never stops a
 * projection. Parked records can be replayed from the dead-letter topic once the cause is fixed.
 */
public final class DeadLetterPolicy {

    private DeadLetterPolicy() {
    }

    public static CommonErrorHandler errorHandler(KafkaOperations<Object, Object> kafka, int retries, Duration initialBackoff) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retries);
        backOff.setInitialInterval(initialBackoff.toMillis());
        backOff.setMultiplier(2.0);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class, UnknownSchemaVersionException.class);
        return handler;
    }
}
