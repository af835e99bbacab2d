package org.securebase.platform.embedded;

/** A PostgreSQL server on which each service gets a database and a role of its own. */
public interface PostgresServer {

    String host();

    int port();

    /** Creates the role and database if missing (idempotent) and returns how to reach it. */
    Database database(String name, String owner, String password);

    /** A JDBC URL for administrative work as the superuser {@code postgres}. */
    String superuserJdbcUrl();

    /** How a service reaches its own database. */
    record Database(String jdbcUrl, String username, String password) {
    }
}
