package org.securebase.platform.embedded;

/** A PostgreSQL server on which each service gets a database and a role of its own. */
public interface PostgresServer {

    String host();

    int port();

    /** Creates the role and database if missing (idempotent) and returns how to reach it. */
    Database database(String name, String owner, String password);

    /** A JDBC URL for administrative work as the superuser {@code postgres}. */
    String superuserJdbcUrl();

    /**
     * A login role that owns nothing, for a service to run as in its database (the owner runs the migrations, which
     * give this role its data rights). Creates it, or sets its password, idempotently.
     */
    default Database applicationRole(Database database, String role, String password) {
        if (!role.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("role names must be lower-case identifiers");
        }
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(superuserJdbcUrl(), "postgres", "postgres");
             java.sql.Statement statement = connection.createStatement()) {
            boolean exists;
            try (var rs = statement.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
                exists = rs.next();
            }
            String quoted = "'" + password.replace("'", "''") + "'";
            statement.execute((exists ? "alter" : "create") + " role " + role + " with login nosuperuser nocreatedb "
                    + "nocreaterole password " + quoted);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not create role " + role + ": " + e.getMessage(), e);
        }
        return new Database(database.jdbcUrl(), role, password);
    }

    /**
     * Makes one database refuse every new connection and ends the open ones, as if its server had gone away, while
     * the other databases of the server go on: for fault tests. {@link #acceptConnections} ends it.
     */
    default void refuseConnections(String database) {
        superuser("alter database " + identifier(database) + " with allow_connections false",
                "select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + identifier(database)
                        + "' and pid <> pg_backend_pid()");
    }

    default void acceptConnections(String database) {
        superuser("alter database " + identifier(database) + " with allow_connections true");
    }

    private void superuser(String... statements) {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(superuserJdbcUrl(), "postgres", "postgres");
             java.sql.Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not run " + statements[0] + ": " + e.getMessage(), e);
        }
    }

    private static String identifier(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database names must be lower-case identifiers");
        }
        return name;
    }

    /** How a service reaches its own database. */
    record Database(String jdbcUrl, String username, String password) {
    }
}
