package org.securebase.content.support;

import java.util.Map;

import kafka.server.BrokerServer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A Kafka broker a test may stop and start again, so the service sees a real outage and a real recovery:
 * the broker process part shuts down (connections refused, nothing accepted) and comes back on the same
 * port with its data. Separate from the shared broker, which other test classes rely on. A test opts in
 * with {@code @TestPropertySource(properties = "securebase.test.kafka=restartable")}.
 *
 * <p>Built on Kafka's own test kit, whose broker can be restarted in place on its pre-bound port
 * (the KRaft embedded broker cannot be given a fixed port, so a second broker would not be found again).
 */
public final class RestartableKafka {

    private static EmbeddedKafkaKraftBroker cluster;
    private static boolean running;

    private RestartableKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            cluster = new EmbeddedKafkaKraftBroker(1, 1);
            cluster.brokerProperties(Map.of(
                    "auto.create.topics.enable", "true",
                    "num.partitions", "3",
                    "offsets.topic.replication.factor", "1",
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1",
                    "group.initial.rebalance.delay.ms", "0"));
            cluster.afterPropertiesSet();
            running = true;
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::destroy));
        }
        return cluster.getBrokersAsString();
    }

    /** Takes the broker down: its port refuses connections until {@link #start()}. */
    public static synchronized void stop() {
        if (running) {
            brokers().values().forEach(BrokerServer::shutdown);
            running = false;
        }
    }

    /** Brings the broker back on the same port, with the topics and records it had. */
    public static synchronized void start() {
        if (!running) {
            brokers().values().forEach(BrokerServer::startup);
            try {
                cluster.getCluster().waitForReadyBrokers();
            } catch (Exception e) {
                throw new IllegalStateException("the broker did not come back", e);
            }
            running = true;
        }
    }

    private static Map<Integer, BrokerServer> brokers() {
        bootstrapServers();
        return cluster.getCluster().brokers();
    }

    /** Runs after {@code RealBackends} and, when asked to, points the service at the restartable broker. */
    @Order(Ordered.LOWEST_PRECEDENCE)
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            if ("restartable".equals(context.getEnvironment().getProperty("securebase.test.kafka"))) {
                context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("restartable-kafka",
                        // Kafka's test kit broker has no SASL listener: this one test of the outbox is about outages,
                        // the shared broker's tests cover authentication and ACLs.
                        Map.of("spring.kafka.bootstrap-servers", bootstrapServers(),
                                "spring.kafka.security.protocol", "PLAINTEXT")));
            }
        }
    }
}
