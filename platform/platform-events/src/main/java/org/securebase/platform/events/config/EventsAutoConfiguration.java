package org.securebase.platform.events.config;

import java.time.Clock;
import java.time.Duration;

import org.securebase.platform.events.consumer.ConsumerPauses;
import org.securebase.platform.events.consumer.DeadLetterPolicy;
import org.securebase.platform.events.consumer.DeadLetters;
import org.securebase.platform.events.consumer.DeadLettersEndpoint;
import org.securebase.platform.events.consumer.EventMetrics;
import org.securebase.platform.events.consumer.EventRejections;
import org.securebase.platform.events.consumer.IntegrationEventListeners;
import org.securebase.platform.events.consumer.ProcessedEvents;
import org.securebase.platform.events.outbox.OutboxConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The events kit, for every service that has it on its class path: the outbox and its relay
 * ({@link OutboxConfiguration}), the consumer side ({@link IntegrationEventListeners}, the ledger, the dead-letter
 * policy), and the Kafka and Modulith settings every service shares (defaults in
 * {@code securebase-events-defaults.yml}, which a service's own configuration overrides).
 */
// Before Boot's task execution: its own AsyncConfigurer backs off only if the relay's is defined first.
@AutoConfiguration(beforeName = "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration")
@EnableConfigurationProperties(EventsProperties.class)
@Import(OutboxConfiguration.class)
public class EventsAutoConfiguration {

    @Bean
    ProcessedEvents processedEvents(JdbcClient jdbc, ObjectProvider<Clock> clock) {
        return new ProcessedEvents(jdbc, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    EventMetrics eventMetrics(ObjectProvider<MeterRegistry> registry) {
        return new EventMetrics(registry.getIfAvailable());
    }

    @Bean
    EventRejections eventRejections(KafkaOperations<Object, Object> kafka, EventMetrics metrics) {
        return new EventRejections(kafka, metrics);
    }

    @Bean
    ConsumerPauses consumerPauses(ObjectProvider<KafkaListenerEndpointRegistry> registry) {
        return new ConsumerPauses(registry);
    }

    /** Used by every listener container: Boot's container factory takes the one error handler bean there is. */
    @Bean
    CommonErrorHandler deadLetteringErrorHandler(KafkaOperations<Object, Object> kafka, ConsumerPauses pauses,
                                                 EventMetrics metrics, EventsProperties properties) {
        return DeadLetterPolicy.errorHandler(kafka, pauses, metrics, properties.consumer().initialBackoff(),
                properties.consumer().maxBackoff());
    }

    @Bean
    DeadLetters deadLetters(IntegrationEventListeners listeners, ConsumerFactory<?, ?> consumers) {
        return new DeadLetters(listeners, consumers, Duration.ofSeconds(30));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    static class DeadLettersEndpointConfiguration {

        @Bean
        DeadLettersEndpoint deadLettersEndpoint(DeadLetters deadLetters) {
            return new DeadLettersEndpoint(deadLetters);
        }
    }

    @Bean
    IntegrationEventListeners integrationEventListeners(ConfigurableListableBeanFactory beans, Environment environment,
                                                        EventsProperties properties, ProcessedEvents ledger,
                                                        PlatformTransactionManager transactions) {
        String application = environment.getRequiredProperty("spring.application.name");
        String prefix = properties.consumer().groupPrefix().isBlank() ? application : properties.consumer().groupPrefix();
        boolean createTopics = environment.getProperty("spring.kafka.admin.auto-create", Boolean.class, true);
        return new IntegrationEventListeners(beans, application, prefix, properties.topics().replicas(), createTopics,
                ledger, new TransactionTemplate(transactions));
    }
}
