package org.securebase.platform.test;

import org.securebase.platform.embedded.EmbeddedKafkaServer;
import org.securebase.platform.embedded.EmbeddedPostgresServer;
import org.securebase.platform.embedded.MailServer;
import org.securebase.platform.embedded.PostgresServer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The shared real servers of one test JVM. Each starts on first use and stops when the JVM exits, so a
 * module's integration tests pay each start-up once.
 */
public final class TestBackends {

    private static PostgresServer postgres;
    private static String kafkaBootstrapServers;
    private static MailServer mail;
    private static TestKeycloak keycloak;

    private TestBackends() {
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            if (Backend.current() == Backend.DOCKER) {
                postgres = new ContainerPostgres();
            } else {
                EmbeddedPostgresServer embedded = EmbeddedPostgresServer.start(null, 0);
                onExit(embedded);
                postgres = embedded;
            }
        }
        return postgres;
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafkaBootstrapServers == null) {
            if (Backend.current() == Backend.DOCKER) {
                KafkaContainer container = new KafkaContainer("apache/kafka:4.1.1");
                container.start();
                kafkaBootstrapServers = container.getBootstrapServers();
            } else {
                EmbeddedKafkaServer embedded = EmbeddedKafkaServer.start();
                onExit(embedded);
                kafkaBootstrapServers = embedded.bootstrapServers();
            }
        }
        return kafkaBootstrapServers;
    }

    /** GreenMail runs in the test JVM in both modes: it is a pure-Java server either way. */
    public static synchronized MailServer mail() {
        if (mail == null) {
            mail = MailServer.start(0, -1);
            onExit(mail);
        }
        return mail;
    }

    /** Keycloak with the securebase realm and the demo users imported. */
    public static synchronized TestKeycloak keycloak() {
        if (keycloak == null) {
            keycloak = TestKeycloak.start(postgres(), mail());
        }
        return keycloak;
    }

    static void onExit(AutoCloseable resource) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                resource.close();
            } catch (Exception ignored) {
                // the JVM is going away; nothing more to do
            }
        }));
    }
}
