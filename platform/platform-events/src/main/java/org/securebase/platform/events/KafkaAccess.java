package org.securebase.platform.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on the broker, written once: each service is a Kafka principal of its own name, may write only the
 * topics it owns, read only the topics it consumes, park records in (and replay from) the dead-letter topics of what
 * it consumes, and use only consumer groups under its own name. Every other principal may do nothing.
 *
 * <p>The local stack and the tests grant exactly these ACLs on their broker; the production {@code KafkaUser}
 * resources grant the same (checked by {@code deploy/validation}). Because only a topic's owner can write it, a
 * consumer knows who produced every record it reads without trusting anything in the record.
 */
public final class KafkaAccess {

    /**
     * @param principal   the service's Kafka user (and its {@code spring.application.name})
     * @param publishes   the topics it owns
     * @param consumes    the topics it reads
     */
    public record Service(String principal, List<String> publishes, List<String> consumes) {

        /** Consumer groups are {@code <principal>.<consumer>} or start with the principal (a replay's new prefix). */
        public String groupPrefix() {
            return principal;
        }
    }

    public static final Service ACCOUNT_SERVICE = new Service("account-service",
            List.of(Topics.ACCOUNTS, Topics.ACCOUNT_READS), List.of(Topics.JOURNAL_ASSIGNMENTS));
    public static final Service JOURNAL_SERVICE = new Service("journal-service", List.of(Topics.JOURNAL_ASSIGNMENTS),
            List.of(Topics.ACCOUNTS, Topics.CONTENT_ARTICLES, Topics.ACCOUNT_READS));
    public static final Service CONTENT_SERVICE = new Service("content-service", List.of(Topics.CONTENT_ARTICLES),
            List.of(Topics.JOURNAL_ASSIGNMENTS, Topics.ACCOUNTS));

    public static final List<Service> SERVICES = List.of(ACCOUNT_SERVICE, JOURNAL_SERVICE, CONTENT_SERVICE);

    private KafkaAccess() {
    }

    /**
     * The ACLs of every service. {@code createTopics}: whether services create their topics themselves (the local stack
     * and the tests) or find them provisioned (production, where they get no CREATE).
     */
    public static List<AclBinding> aclBindings(boolean createTopics) {
        List<AclBinding> bindings = new ArrayList<>();
        for (Service service : SERVICES) {
            String user = "User:" + service.principal();
            for (String topic : service.publishes()) {
                allow(bindings, user, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE, AclOperation.DESCRIBE);
                if (createTopics) {
                    allow(bindings, user, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.CREATE);
                }
            }
            for (String topic : service.consumes()) {
                allow(bindings, user, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ, AclOperation.DESCRIBE);
                allow(bindings, user, ResourceType.TOPIC, Topics.deadLetterOf(topic), PatternType.LITERAL,
                        AclOperation.WRITE, AclOperation.READ, AclOperation.DESCRIBE);
                if (createTopics) {
                    allow(bindings, user, ResourceType.TOPIC, Topics.deadLetterOf(topic), PatternType.LITERAL, AclOperation.CREATE);
                }
            }
            allow(bindings, user, ResourceType.GROUP, service.groupPrefix(), PatternType.PREFIXED, AclOperation.READ,
                    AclOperation.DESCRIBE);
        }
        return bindings;
    }

    /**
     * Every topic of the platform and the dead-letter topic of each, as an operator provisions them where the
     * services may not create topics themselves: the events topics with {@code partitions} (compacted where
     * {@link Topics#isCompacted}), the dead-letter topics with one.
     */
    public static List<NewTopic> provisionedTopics(int partitions, short replicas) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            NewTopic events = new NewTopic(topic, partitions, replicas);
            if (Topics.isCompacted(topic)) {
                events.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            topics.add(events);
            topics.add(new NewTopic(Topics.deadLetterOf(topic), 1, replicas));
        }
        return topics;
    }

    private static void allow(List<AclBinding> bindings, String principal, ResourceType type, String name,
                              PatternType pattern, AclOperation... operations) {
        for (AclOperation operation : operations) {
            bindings.add(new AclBinding(new ResourcePattern(type, name, pattern),
                    new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW)));
        }
    }
}
