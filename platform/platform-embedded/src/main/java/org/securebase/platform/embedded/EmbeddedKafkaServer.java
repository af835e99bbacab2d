package org.securebase.platform.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
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

    private final Path logDirectory;
    private final boolean deleteOnClose;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    private EmbeddedKafkaServer(Path logDirectory, boolean deleteOnClose) {
        this.logDirectory = logDirectory;
        this.deleteOnClose = deleteOnClose;
        this.port = freePort();
        this.controllerPort = freePort();
    }

    /** A broker with its data in a temporary folder, deleted on {@link #close()}: for tests. */
    public static EmbeddedKafkaServer start() {
        try {
            return start(Files.createTempDirectory("securebase-kafka"), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for Kafka's log", e);
        }
    }

    /**
     * A broker keeping its data in {@code logDirectory} (formatted on first use) on free ports that it keeps until
     * {@link #close()}; {@link #bootstrapServers()} says which.
     */
    public static EmbeddedKafkaServer start(Path logDirectory) {
        return start(logDirectory, false);
    }

    private static EmbeddedKafkaServer start(Path logDirectory, boolean deleteOnClose) {
        EmbeddedKafkaServer kafka = new EmbeddedKafkaServer(logDirectory, deleteOnClose);
        kafka.launch();
        return kafka;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
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
        properties.put("listeners", "PLAINTEXT://localhost:" + port + "," + CONTROLLER_LISTENER + "://localhost:"
                + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        properties.put("controller.listener.names", CONTROLLER_LISTENER);
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("log.dirs", logDirectory.toString());
        properties.put("auto.create.topics.enable", "true");
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for Kafka", e);
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
