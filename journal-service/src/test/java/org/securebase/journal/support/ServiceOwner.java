package org.securebase.journal.support;

import org.securebase.platform.embedded.PostgresServer;
import org.securebase.platform.test.TestBackends;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The owner of journal-service's tables (the role its migrations run as), for tests that play someone with more
 * rights than the service: the service itself runs as {@code journal_app}.
 */
public final class ServiceOwner {

    private ServiceOwner() {
    }

    public static JdbcClient jdbc() {
        PostgresServer.Database owner = TestBackends.postgres().database("journal", "journal", "journal");
        return JdbcClient.create(new DriverManagerDataSource(owner.jdbcUrl(), owner.username(), owner.password()));
    }
}
