package org.securebase.platform.test;

import org.securebase.platform.embedded.PostgresServer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** PostgreSQL 17 in a container, offering the same per-service databases as the embedded server. */
final class ContainerPostgres implements PostgresServer {

    private static final Pattern SAFE_IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final PostgreSQLContainer container;

    ContainerPostgres() {
        container = new PostgreSQLContainer("postgres:17-alpine")
                .withUsername("postgres").withPassword("postgres").withDatabaseName("postgres");
        container.start();
    }

    @Override
    public String host() {
        return container.getHost();
    }

    @Override
    public int port() {
        return container.getMappedPort(5432);
    }

    @Override
    public Database database(String name, String owner, String password) {
        if (!SAFE_IDENTIFIER.matcher(name).matches() || !SAFE_IDENTIFIER.matcher(owner).matches()) {
            throw new IllegalArgumentException("database and role names must be lower-case identifiers");
        }
        try (Connection connection = DriverManager.getConnection(superuserJdbcUrl(), "postgres", "postgres");
             Statement statement = connection.createStatement()) {
            String quoted = "'" + password.replace("'", "''") + "'";
            try (var rs = statement.executeQuery("select 1 from pg_roles where rolname = '" + owner + "'")) {
                statement.getConnection().createStatement().execute(rs.next()
                        ? "alter role " + owner + " with login password " + quoted
                        : "create role " + owner + " with login password " + quoted);
            }
            try (var rs = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (!rs.next()) {
                    statement.getConnection().createStatement().execute("create database " + name + " owner " + owner);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
        return new Database("jdbc:postgresql://" + host() + ":" + port() + "/" + name, owner, password);
    }

    @Override
    public String superuserJdbcUrl() {
        return "jdbc:postgresql://" + host() + ":" + port() + "/postgres";
    }
}
