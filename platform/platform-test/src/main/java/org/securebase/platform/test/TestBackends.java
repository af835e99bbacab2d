package org.securebase.platform.test;

import org.securebase.platform.embedded.EmbeddedKafkaServer;
import org.securebase.platform.embedded.EmbeddedPostgresServer;
import org.securebase.platform.embedded.MailServer;
import org.securebase.platform.embedded.PostgresServer;
import org.securebase.platform.events.KafkaAccess;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shared real servers of one test JVM. Each starts on first use and stops when the JVM exits, so a
 * module's integration tests pay each start-up once.
 */
public final class TestBackends {

    private static PostgresServer postgres;
    private static EmbeddedKafkaServer kafka;
    private static final Map<String, String> KAFKA_PASSWORDS = new ConcurrentHashMap<>();
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

    /**
     * The broker, secured like production (ADR 0017): SASL for every client, the standard authorizer, each service a
     * user of its own with exactly the ACLs of {@link KafkaAccess}, and the platform's topics provisioned. Always the
     * embedded broker, with or without Docker: it is the real broker, and it is the one whose users and ACLs the tests
     * can set up the same way in both modes.
     */
    public static synchronized EmbeddedKafkaServer kafka() {
        if (kafka == null) {
            EmbeddedKafkaServer embedded = EmbeddedKafkaServer.start();
            onExit(embedded);
            for (KafkaAccess.Service service : KafkaAccess.SERVICES) {
                KAFKA_PASSWORDS.put(service.principal(), EmbeddedKafkaServer.randomPassword());
            }
            embedded.grant(KAFKA_PASSWORDS, KafkaAccess.aclBindings(true), KafkaAccess.provisionedTopics(3, (short) 1));
            kafka = embedded;
        }
        return kafka;
    }

    public static String kafkaBootstrapServers() {
        return kafka().bootstrapServers();
    }

    /** How {@code service} connects: its own SCRAM user, as the local stack and production give it. */
    public static Map<String, Object> kafkaClientProperties(String service) {
        String password = KAFKA_PASSWORDS.get(service);
        if (password == null) {
            throw new IllegalArgumentException(service + " is not a Kafka user (KafkaAccess.SERVICES)");
        }
        return kafka().clientProperties(service, password);
    }

    /** How a test tool connects (forging records, reading dead-letter topics, resetting offsets): as the operator. */
    public static Map<String, Object> kafkaOperatorProperties() {
        return kafka().operatorClientProperties();
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
