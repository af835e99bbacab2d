package org.securebase.journal.messaging;

import org.apache.kafka.common.TopicPartition;
import org.securebase.platform.events.MalformedEventException;
import org.securebase.platform.events.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    /**
     * Used by every listener container (Boot's container factory picks the bean up). A record that cannot be
     * read, or has a schema version this service does not know, is parked at once in {@code <topic>.dlt} with
     * its original key and bytes and the failure in headers; the consumer commits past it and goes on. Other
     * failures (the database briefly away) are retried with back-off first, then parked too, so one record can
     * never stop a projection; parked records can be replayed from the dead-letter topic once the cause is fixed.
     */
    @Bean
    CommonErrorHandler deadLetteringErrorHandler(KafkaOperations<Object, Object> kafka,
            @Value("${securebase.journal.consumer.retries:4}") int retries,
            @Value("${securebase.journal.consumer.initial-backoff-ms:500}") long initialBackoffMs) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retries);
        backOff.setInitialInterval(initialBackoffMs);
        backOff.setMultiplier(2.0);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class, UnknownSchemaVersionException.class);
        return handler;
    }
}
