package org.securebase.account.events;

import java.util.concurrent.Executor;

import org.apache.kafka.clients.admin.NewTopic;
import org.securebase.platform.events.EventJson;
import org.securebase.platform.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The outbox relay: Spring Modulith stores each {@link AccountsEvent} in {@code event_publication} within the
 * business transaction; after the commit its Kafka externalizer sends the envelope to
 * {@value Topics#ACCOUNTS} (key = account id) and marks the publication completed once the broker acknowledged
 * it ({@code acks=all}, idempotent producer; see application.yml).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccountsEventsProperties.class)
@EnableAsync
public class AccountsEventsConfiguration implements AsyncConfigurer, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AccountsEventsConfiguration.class);

    /**
     * Modulith hands each committed event to an {@code @Async} listener. With a pool (or virtual threads on JDK
     * 21+) two events of one client - the CaseloadEnded and CaseloadAssigned of a reassignment - could reach the
     * producer in either order. One thread takes them in commit order, and the idempotent producer keeps that
     * order per partition. The only {@code @Async} work in this service is this relay; sends are non-blocking,
     * so one thread is not a bottleneck.
     */
    private final ThreadPoolTaskExecutor relayExecutor = singleThreadRelayExecutor();

    private static ThreadPoolTaskExecutor singleThreadRelayExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setThreadNamePrefix("outbox-relay-");
        // Unsent events are safe in the outbox; waiting briefly on shutdown just saves a resend on restart.
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(5);
        executor.initialize();
        return executor;
    }

    @Override
    public Executor getAsyncExecutor() {
        return relayExecutor;
    }

    @Override
    public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
        return (failure, method, parameters) -> log.error("Asynchronous {} failed", method.getName(), failure);
    }

    @Override
    public void destroy() {
        relayExecutor.shutdown();
    }

    @Bean
    EventExternalizationConfiguration accountsEventExternalization() {
        return EventExternalizationConfiguration.externalizing()
                .selectByType(AccountsEvent.class)
                // Bytes written with the shared EventJson, so consumers read exactly the platform's envelope.
                .mapping(AccountsEvent.class, event -> EventJson.shared().write(event.toEnvelope()))
                .route(AccountsEvent.class, event -> RoutingTarget.forTarget(Topics.ACCOUNTS).andKey(event.key()))
                .build();
    }

    /** Created on start-up where the broker allows it; in production the topic is provisioned with these settings. */
    @Bean
    NewTopic accountsTopic(AccountsEventsProperties properties) {
        return TopicBuilder.name(Topics.ACCOUNTS)
                .partitions(properties.topicPartitions())
                .replicas(properties.topicReplicas())
                .build();
    }
}
