package org.securebase.content.events;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.securebase.content.article.ArticleEvent;
import org.securebase.platform.events.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.modulith.events.EventExternalizationConfiguration;

@Configuration(proxyBeanMethods = false)
class ArticleEventsConfiguration {

    /**
     * Which events leave the service and how: those annotated {@code @Externalized} (the topic comes from the
     * annotation), keyed by article id so one article's events stay in order on one partition, and written
     * as the shared envelope rather than as the internal record.
     */
    @Bean
    EventExternalizationConfiguration eventExternalization() {
        return EventExternalizationConfiguration.externalizing()
                .select(EventExternalizationConfiguration.annotatedAsExternalized())
                .routeKey(ArticleEvent.class, event -> event.articleId().toString())
                .mapping(ArticleEvent.class, ArticleEvent::toEnvelope)
                .build();
    }

    /**
     * The topic, created at start-up if missing. Compacted: the latest event per article is the article's
     * current state, which is all a consumer rebuilding its catalog from the beginning needs.
     */
    @Bean
    NewTopic articlesTopic(@Value("${securebase.content.events.partitions:3}") int partitions,
                           @Value("${securebase.content.events.replicas:1}") short replicas) {
        return TopicBuilder.name(Topics.CONTENT_ARTICLES)
                .partitions(partitions)
                .replicas(replicas)
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                .build();
    }
}
