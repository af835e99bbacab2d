package org.securebase.journal.support;

import org.apache.kafka.clients.admin.NewTopic;
import org.securebase.platform.events.Topics;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topics other services own, created before the listeners start (in production their producers create them),
 * so the listeners' partition count is known and tests can wait for the assignment of all of them.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestTopics {

    public static final int PARTITIONS = 3;

    @Bean
    NewTopic testAccountsTopic() {
        return TopicBuilder.name(Topics.ACCOUNTS).partitions(PARTITIONS).replicas(1).build();
    }

    @Bean
    NewTopic testArticlesTopic() {
        return TopicBuilder.name(Topics.CONTENT_ARTICLES).partitions(PARTITIONS).replicas(1).build();
    }
}
