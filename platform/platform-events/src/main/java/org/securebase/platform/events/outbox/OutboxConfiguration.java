package org.securebase.platform.events.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashSet;
import java.util.concurrent.Executor;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.securebase.platform.events.EventContracts;
import org.securebase.platform.events.EventJson;
import org.securebase.platform.events.Topics;
import org.securebase.platform.events.config.EventsProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The publishing side: Spring Modulith stores each {@link OutboxEvent} in {@code event_publication} within the
 * business transaction; after the commit its Kafka externalizer sends the stored envelope bytes to the event's
 * topic, keyed by aggregate id, and marks the publication completed once the broker acknowledged it ({@code acks=all},
 * idempotent producer: the kit's Kafka defaults). {@link OutboxRelay} resends what failed.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
public class OutboxConfiguration implements AsyncConfigurer, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxConfiguration.class);

    /**
     * Modulith hands each committed event to an {@code @Async} listener. On a pool (or on virtual threads, JDK 21+)
     * two events of one aggregate committed one after the other - a client's CaseloadEnded and CaseloadAssigned of a
     * reassignment - could reach the producer in either order. One thread takes them in commit order, and the
     * idempotent producer keeps that order per partition. Sends do not wait for the broker, so one thread is not a
     * bottleneck. Any other {@code @Async} work of a service would share this thread: name an executor for it.
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
    IntegrationEvents integrationEvents(ApplicationEventPublisher publisher, EventsProperties properties,
                                        ObjectProvider<Clock> clock, ObjectProvider<Tracer> tracer,
                                        ObjectProvider<Propagator> propagator) {
        properties.publishes().forEach(Topics::requireValid);
        return new IntegrationEvents(publisher, EventContracts.shared(), EventJson.shared(),
                new HashSet<>(properties.publishes()), clock.getIfAvailable(Clock::systemUTC),
                new CurrentTraceparent(tracer, propagator));
    }

    @Bean
    EventExternalizationConfiguration outboxExternalization() {
        return EventExternalizationConfiguration.externalizing()
                .selectByType(OutboxEvent.class)
                .mapping(OutboxEvent.class, OutboxConfiguration::record)
                .route(OutboxEvent.class, event -> RoutingTarget.forTarget(event.topic()).andKey(event.key()))
                .build();
    }

    /**
     * The envelope bytes, and the trace context as the record's {@code traceparent} header when there is one. A
     * message rather than headers configured on the externalization, because Modulith looks those up for the mapped
     * payload, not for the event. Raw bytes, so the header mapper passes the value on as it is.
     */
    static Object record(OutboxEvent event) {
        byte[] envelope = event.envelope().getBytes(StandardCharsets.UTF_8);
        if (event.traceparent() == null) {
            return envelope;
        }
        return MessageBuilder.withPayload(envelope)
                .setHeader(OutboxEvent.TRACEPARENT_HEADER, event.traceparent().getBytes(StandardCharsets.US_ASCII))
                .build();
    }

    @Bean
    OutboxBacklog outboxBacklog(JdbcClient jdbc, ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> registry) {
        OutboxBacklog backlog = new OutboxBacklog(jdbc, clock.getIfAvailable(Clock::systemUTC));
        registry.ifAvailable(backlog::register);
        return backlog;
    }

    @Bean
    PublishedEvents publishedEvents(JdbcClient jdbc) {
        return new PublishedEvents(jdbc);
    }

    @Bean
    OutboxRelay outboxRelay(FailedEventPublications failed, CompletedEventPublications completed,
                            EventsProperties properties) {
        return new OutboxRelay(failed, completed, properties.outbox().keepCompleted());
    }

    /** The service's own topics, created at start-up where the broker allows it; production provisions them alike. */
    @Bean
    KafkaAdmin.NewTopics ownedTopics(EventsProperties properties) {
        return new KafkaAdmin.NewTopics(properties.publishes().stream()
                .map(topic -> ownedTopic(topic, properties.topics()))
                .toArray(NewTopic[]::new));
    }

    private static NewTopic ownedTopic(String topic, EventsProperties.Topics settings) {
        TopicBuilder builder = TopicBuilder.name(topic).partitions(settings.partitions()).replicas(settings.replicas());
        if (Topics.isCompacted(topic)) {
            builder.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        return builder.build();
    }
}
