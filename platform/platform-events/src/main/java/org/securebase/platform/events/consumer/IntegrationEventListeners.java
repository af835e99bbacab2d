package org.securebase.platform.events.consumer;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.NewTopic;
import org.securebase.platform.events.EventContracts;
import org.securebase.platform.events.EventJson;
import org.securebase.platform.events.EventPayload;
import org.securebase.platform.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.kafka.config.KafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.MethodKafkaListenerEndpoint;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds every {@link IntegrationEventListener} method once the beans exist, and gives each consumer one Kafka
 * listener container, registered like an {@code @KafkaListener}'s (same registry, same container factory, same
 * error handler), with listener id {@code <application>.<consumer>} and group {@code <group prefix>.<consumer>}.
 * Also creates the dead-letter topic of every topic consumed, where the broker allows it and
 * {@code spring.kafka.admin.auto-create} is not off (production provisions its topics).
 */
public class IntegrationEventListeners implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(IntegrationEventListeners.class);
    private static final Pattern CONSUMER_NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private final ConfigurableListableBeanFactory beans;
    private final String applicationName;
    private final String groupPrefix;
    private final short deadLetterReplicas;
    private final boolean createTopics;
    private final ProcessedEvents ledger;
    private final TransactionTemplate transactions;
    private final List<EventDispatcher> dispatchers = new ArrayList<>();

    public IntegrationEventListeners(ConfigurableListableBeanFactory beans, String applicationName, String groupPrefix,
                                     short deadLetterReplicas, boolean createTopics, ProcessedEvents ledger,
                                     TransactionTemplate transactions) {
        this.beans = beans;
        this.applicationName = applicationName;
        this.groupPrefix = groupPrefix;
        this.deadLetterReplicas = deadLetterReplicas;
        this.createTopics = createTopics;
        this.ledger = ledger;
        this.transactions = transactions;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Map<String, Map<EventContracts.Contract, EventDispatcher.Handler>> byConsumer = new LinkedHashMap<>();
        for (String name : beans.getBeanDefinitionNames()) {
            Class<?> type = beans.getType(name, false);
            if (type == null || type.getName().startsWith("org.springframework.")) {
                continue;
            }
            Map<Method, IntegrationEventListener> methods = MethodIntrospector.selectMethods(type,
                    (MethodIntrospector.MetadataLookup<IntegrationEventListener>) method ->
                            AnnotatedElementUtils.findMergedAnnotation(method, IntegrationEventListener.class));
            if (methods.isEmpty()) {
                continue;
            }
            Object bean = beans.getBean(name);
            methods.forEach((method, annotation) -> add(byConsumer, bean, method, annotation.consumer()));
        }
        byConsumer.forEach((consumer, handlers) -> dispatchers.add(new EventDispatcher(consumer, handlers,
                EventContracts.shared(), EventJson.shared(), ledger, transactions)));
        register();
    }

    private static void add(Map<String, Map<EventContracts.Contract, EventDispatcher.Handler>> byConsumer, Object bean,
                            Method method, String consumer) {
        String where = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        if (!CONSUMER_NAME.matcher(consumer).matches()) {
            throw new IllegalStateException(where + ": consumer '" + consumer + "' must be lower-case words joined by hyphens");
        }
        Class<?>[] parameters = method.getParameterTypes();
        boolean wantsMetadata = parameters.length == 2 && parameters[1] == EventMetadata.class;
        if (!(parameters.length == 1 || wantsMetadata) || !EventPayload.class.isAssignableFrom(parameters[0])) {
            throw new IllegalStateException(where + " must take an event payload, optionally followed by EventMetadata");
        }
        List<EventContracts.Contract> contracts = EventContracts.shared().assignableTo(parameters[0]);
        if (contracts.isEmpty()) {
            throw new IllegalStateException(where + ": no event contract is a " + parameters[0].getSimpleName());
        }
        Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
        invocable.setAccessible(true);
        Map<EventContracts.Contract, EventDispatcher.Handler> handlers = byConsumer.computeIfAbsent(consumer, c -> new LinkedHashMap<>());
        for (EventContracts.Contract contract : contracts) {
            if (handlers.putIfAbsent(contract, new EventDispatcher.Handler(bean, invocable, wantsMetadata)) != null) {
                throw new IllegalStateException("consumer '" + consumer + "' has two methods for " + contract.type());
            }
        }
    }

    /** The consumers found, one dispatcher each. */
    List<EventDispatcher> dispatchers() {
        return List.copyOf(dispatchers);
    }

    String groupOf(EventDispatcher dispatcher) {
        return groupPrefix + "." + dispatcher.consumer();
    }

    @SuppressWarnings("unchecked")
    private void register() {
        if (dispatchers.isEmpty()) {
            return;
        }
        KafkaListenerEndpointRegistry registry = beans.getBean(KafkaListenerEndpointRegistry.class);
        KafkaListenerContainerFactory<?> factory = beans.getBean("kafkaListenerContainerFactory",
                KafkaListenerContainerFactory.class);
        DefaultMessageHandlerMethodFactory methods = new DefaultMessageHandlerMethodFactory();
        methods.setBeanFactory(beans);
        methods.afterPropertiesSet();
        for (EventDispatcher dispatcher : dispatchers) {
            MethodKafkaListenerEndpoint<String, byte[]> endpoint = new MethodKafkaListenerEndpoint<>();
            endpoint.setId(applicationName + "." + dispatcher.consumer());
            endpoint.setGroupId(groupOf(dispatcher));
            endpoint.setTopics(dispatcher.topics().toArray(String[]::new));
            endpoint.setBean(dispatcher);
            endpoint.setMethod(EventDispatcher.ON_RECORD);
            endpoint.setMessageHandlerMethodFactory(methods);
            endpoint.setBeanFactory(beans);
            registry.registerListenerContainer(endpoint, factory);
        }
        if (createTopics) {
            createDeadLetterTopics();
        }
    }

    private void createDeadLetterTopics() {
        NewTopic[] topics = dispatchers.stream().flatMap(dispatcher -> dispatcher.topics().stream()).distinct()
                .map(topic -> TopicBuilder.name(Topics.deadLetterOf(topic)).partitions(1).replicas(deadLetterReplicas).build())
                .toArray(NewTopic[]::new);
        try {
            beans.getBean(KafkaAdmin.class).createOrModifyTopics(topics);
        } catch (RuntimeException e) {
            // Where topics are provisioned (and the service may not create them) this is expected; a missing one
            // shows as a failed dead-letter send, which keeps the record for a retry.
            log.warn("Could not create the dead-letter topics: {}", e.getClass().getSimpleName());
        }
    }
}
