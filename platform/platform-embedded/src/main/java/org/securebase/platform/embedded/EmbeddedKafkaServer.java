package org.securebase.platform.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * The real Kafka broker (KRaft, one combined broker and controller node) running inside this JVM, with its log in
 * a folder of our choosing: a folder that outlives the JVM keeps topics, records and consumer offsets across
 * restarts, as a broker's disk does, and {@link #restart()} stops and starts the broker on the same address and
 * data, as an operator's rolling restart would. Topics are created on demand by producers, as they would be with
 * auto-creation on a small cluster.
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String CLIENT_LISTENER = "CLIENTS";
    /** The super user: the broker itself (between its listeners) and whoever administers it. */
    public static final String OPERATOR = "operator";

    private final Path logDirectory;
    private final boolean deleteOnClose;
    private final String operatorPassword;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    private EmbeddedKafkaServer(Path logDirectory, boolean deleteOnClose, String operatorPassword) {
        this.logDirectory = logDirectory;
        this.deleteOnClose = deleteOnClose;
        this.operatorPassword = operatorPassword;
        int[] ports = FreePorts.distinct(2);
        this.port = ports[0];
        this.controllerPort = ports[1];
    }

    /** A broker with its data in a temporary folder, deleted on {@link #close()}, and a random operator password: for tests. */
    public static EmbeddedKafkaServer start() {
        try {
            return start(Files.createTempDirectory("securebase-kafka"), true, randomPassword());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for Kafka's log", e);
        }
    }

    /**
     * A broker keeping its data in {@code logDirectory} (formatted on first use) on free ports that it keeps until
     * {@link #close()}; {@link #bootstrapServers()} says which.
     */
    public static EmbeddedKafkaServer start(Path logDirectory, String operatorPassword) {
        return start(logDirectory, false, operatorPassword);
    }

    private static EmbeddedKafkaServer start(Path logDirectory, boolean deleteOnClose, String operatorPassword) {
        EmbeddedKafkaServer kafka = new EmbeddedKafkaServer(logDirectory, deleteOnClose, operatorPassword);
        kafka.launch();
        return kafka;
    }

    /** 24 random bytes, as text: for the operator or a service user. */
    public static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** What a client needs to connect as the operator (a super user): for setting the broker up and for test tools. */
    public Map<String, Object> operatorClientProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        properties.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        properties.put(SaslConfigs.SASL_JAAS_CONFIG, plainLogin(OPERATOR, operatorPassword));
        return properties;
    }

    /** What a client needs to connect as {@code user} with SCRAM-SHA-512, as the services do. */
    public Map<String, Object> clientProperties(String user, String password) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        properties.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        properties.put(SaslConfigs.SASL_JAAS_CONFIG, scramLogin(user, password));
        return properties;
    }

    /**
     * Sets the broker up as an administrator would: creates (or changes the password of) each SCRAM user, grants
     * the ACLs, and creates the topics that do not exist yet. Idempotent, so a launcher calls it on every start.
     */
    public void grant(Map<String, String> scramUsers, Collection<AclBinding> acls, Collection<NewTopic> topics) {
        try (Admin admin = Admin.create(operatorClientProperties())) {
            if (!scramUsers.isEmpty()) {
                admin.alterUserScramCredentials(scramUsers.entrySet().stream()
                        .<org.apache.kafka.clients.admin.UserScramCredentialAlteration>map(user -> new UserScramCredentialUpsertion(
                                user.getKey(), new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), user.getValue()))
                        .toList()).all().get();
            }
            admin.createAcls(acls).all().get();
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting Kafka up", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not set Kafka's users, ACLs and topics up: " + e.getCause(), e);
        }
    }

    static String plainLogin(String user, String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    static String scramLogin(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /**
     * Stops the broker (a controlled shutdown: clients see their connections close) and starts it again on the
     * same address and data; returns once it serves again.
     */
    public synchronized void restart() {
        stopServer();
        launch();
    }

    private synchronized void launch() {
        Properties properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        properties.put("listeners", CLIENT_LISTENER + "://localhost:" + port + "," + CONTROLLER_LISTENER + "://localhost:"
                + controllerPort);
        properties.put("advertised.listeners", CLIENT_LISTENER + "://localhost:" + port);
        properties.put("controller.listener.names", CONTROLLER_LISTENER);
        properties.put("listener.security.protocol.map", CLIENT_LISTENER + ":SASL_PLAINTEXT," + CONTROLLER_LISTENER
                + ":SASL_PLAINTEXT");
        properties.put("inter.broker.listener.name", CLIENT_LISTENER);
        // Services log in with SCRAM (credentials in the cluster metadata, as in production); the operator with PLAIN,
        // whose only user is configured here, so that the broker can log in to itself before any SCRAM user exists.
        String operatorLogin = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + OPERATOR
                + "\" password=\"" + operatorPassword + "\" user_" + OPERATOR + "=\"" + operatorPassword + "\";";
        properties.put("sasl.enabled.mechanisms", "SCRAM-SHA-512,PLAIN");
        properties.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        properties.put("sasl.mechanism.controller.protocol", "PLAIN");
        properties.put("listener.name." + CLIENT_LISTENER.toLowerCase() + ".plain.sasl.jaas.config", operatorLogin);
        properties.put("listener.name." + CLIENT_LISTENER.toLowerCase() + ".scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        properties.put("listener.name." + CONTROLLER_LISTENER.toLowerCase() + ".sasl.enabled.mechanisms", "PLAIN");
        properties.put("listener.name." + CONTROLLER_LISTENER.toLowerCase() + ".plain.sasl.jaas.config", operatorLogin);
        properties.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        properties.put("super.users", "User:" + OPERATOR);
        properties.put("allow.everyone.if.no.acl.found", "false");
        properties.put("log.dirs", logDirectory.toString());
        properties.put("auto.create.topics.enable", "false");
        properties.put("num.partitions", "3");
        // One node: the internal topics cannot have more replicas, and fewer partitions start faster.
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "5");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("transaction.state.log.num.partitions", "5");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        try {
            Files.createDirectories(logDirectory);
            if (!Files.exists(logDirectory.resolve("meta.properties"))) {
                format();
            }
            KafkaRaftServer started = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
            // Returns once the broker is unfenced, that is, serving.
            started.startup();
            server = started;
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not start in " + logDirectory + ": " + e.getMessage(), e);
        }
    }

    private void format() throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(1)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDirectory.toString()))
                .setMetadataLogDirectory(logDirectory.toString())
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
    }

    private synchronized void stopServer() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    @Override
    public void close() {
        stopServer();
        if (deleteOnClose) {
            deleteRecursively(logDirectory);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }
}
