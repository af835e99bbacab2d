package org.securebase.content.pinning;

import org.apache.kafka.common.TopicPartition;
import org.securebase.platform.events.MalformedEventException;
import org.securebase.platform.events.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

@Configuration(proxyBeanMethods = false)
class PinningConsumerConfiguration {

    /**
     * A record that keeps failing is parked in {@code <topic>.dlt} (same key, same bytes, the failure in
     * headers) and the consumer moves on, so one poison record cannot stop the projection. Failures that a
     * retry might cure (the database briefly away) are retried a few times first; unreadable records and
     * unknown schema versions are parked at once.
     */
    @Bean
    CommonErrorHandler deadLetteringErrorHandler(KafkaOperations<Object, Object> kafka) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(1_000, 3));
        handler.addNotRetryableExceptions(MalformedEventException.class,
                AssignmentEventsListener.UnknownSchemaVersionException.class);
        return handler;
    }
}
