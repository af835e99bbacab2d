package org.securebase.journal.assignment;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.admin.NewTopic;
import org.securebase.platform.events.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;

/**
 * The outbox relay's routing: Spring Modulith stores each {@link JournalEvent} in {@code event_publication}
 * within the business transaction; after the commit its Kafka externalizer sends the stored envelope bytes to
 * {@value Topics#JOURNAL_ASSIGNMENTS} keyed by assignment id, and marks the publication completed once the broker
 * acknowledged it ({@code acks=all}, idempotent producer; see application.yml). {@link OutboxRelay} resends
 * what failed.
 */
@Configuration(proxyBeanMethods = false)
class JournalEventsConfiguration {

    @Bean
    EventExternalizationConfiguration journalEventExternalization() {
        return EventExternalizationConfiguration.externalizing()
                .selectByType(JournalEvent.class)
                .mapping(JournalEvent.class, event -> event.envelopeJson().getBytes(StandardCharsets.UTF_8))
                .route(JournalEvent.class,
                        event -> RoutingTarget.forTarget(Topics.JOURNAL_ASSIGNMENTS).andKey(event.key()))
                .build();
    }

    /** Created at start-up where the broker allows it; in production provisioned with these settings. */
    @Bean
    NewTopic journalAssignmentsTopic(@Value("${securebase.journal.events.partitions:3}") int partitions,
                                     @Value("${securebase.journal.events.replicas:1}") short replicas) {
        return TopicBuilder.name(Topics.JOURNAL_ASSIGNMENTS).partitions(partitions).replicas(replicas).build();
    }

    /** The dead-letter topics this service's consumers park poison records in. */
    @Bean
    NewTopic articlesDeadLetterTopic(@Value("${securebase.journal.events.replicas:1}") short replicas) {
        return TopicBuilder.name(Topics.deadLetterOf(Topics.CONTENT_ARTICLES)).partitions(1).replicas(replicas).build();
    }

    @Bean
    NewTopic accountsDeadLetterTopic(@Value("${securebase.journal.events.replicas:1}") short replicas) {
        return TopicBuilder.name(Topics.deadLetterOf(Topics.ACCOUNTS)).partitions(1).replicas(replicas).build();
    }
}
