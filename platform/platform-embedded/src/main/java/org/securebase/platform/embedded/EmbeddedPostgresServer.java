package org.securebase.platform.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server from zonky's binaries. With a data directory the cluster survives restarts;
 * without one it lives in a temporary folder and is discarded on close.
 */
public final class EmbeddedPostgresServer implements PostgresServer, AutoCloseable {

    private static final Pattern SAFE_IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final Path dataDirectory;
    private volatile EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(Path dataDirectory, EmbeddedPostgres postgres) {
        this.dataDirectory = dataDirectory;
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL.
     *
     * @param dataDirectory where the cluster lives; {@code null} for a throw-away cluster
     * @param port the port to listen on; 0 picks a free one
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        return new EmbeddedPostgresServer(dataDirectory, launch(dataDirectory, port));
    }

    private static EmbeddedPostgres launch(Path dataDirectory, int port) {
        ensureTempDirExists();
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "128MB")
                    .setServerConfig("fsync", dataDirectory == null ? "off" : "on");
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            if (port > 0) {
                builder.setPort(port);
            }
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    /**
     * Stops the server (every database at once, as a lost server would go), lets {@code work} do what it must with
     * the stopped cluster's data directory (copy it away, delete it, put a copy back), and starts the server again on
     * the same port with whatever the directory then holds; an empty directory becomes a new, empty cluster. For the
     * restore drill. Only for a server with a data directory of its own.
     */
    public synchronized void whileStopped(java.util.function.Consumer<Path> work) {
        if (dataDirectory == null) {
            throw new IllegalStateException("a throw-away cluster has no data directory to work on");
        }
        int port = port();
        close();
        try {
            work.accept(dataDirectory);
        } finally {
            postgres = launch(dataDirectory, port);
        }
    }

    // zonky unpacks its binaries under java.io.tmpdir, which a fresh container may not have yet.
    private static void ensureTempDirExists() {
        try {
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        } catch (IOException e) {
            throw new IllegalStateException("java.io.tmpdir cannot be created", e);
        }
    }

    @Override
    public int port() {
        return postgres.getPort();
    }

    @Override
    public String host() {
        return "localhost";
    }

    @Override
    public Database database(String name, String owner, String password) {
        if (!SAFE_IDENTIFIER.matcher(name).matches() || !SAFE_IDENTIFIER.matcher(owner).matches()) {
            throw new IllegalArgumentException("database and role names must be lower-case identifiers");
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "postgres");
             Statement statement = connection.createStatement()) {
            boolean roleExists;
            try (var rs = statement.executeQuery("select 1 from pg_roles where rolname = '" + owner + "'")) {
                roleExists = rs.next();
            }
            String quotedPassword = "'" + password.replace("'", "''") + "'";
            if (roleExists) {
                statement.execute("alter role " + owner + " with login password " + quotedPassword);
            } else {
                statement.execute("create role " + owner + " with login password " + quotedPassword);
            }
            boolean databaseExists;
            try (var rs = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                databaseExists = rs.next();
            }
            if (!databaseExists) {
                statement.execute("create database " + name + " owner " + owner);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
        return new Database(jdbcUrl(name), owner, password);
    }

    @Override
    public String superuserJdbcUrl() {
        return jdbcUrl("postgres");
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not stop cleanly", e);
        }
    }
}
