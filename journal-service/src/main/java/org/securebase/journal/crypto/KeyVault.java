package org.securebase.journal.crypto;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The connection to the key vault ({@link KeyVaultProperties}), its schema migrated when opened. */
final class KeyVault implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final JdbcClient jdbc;

    private KeyVault(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Refuses to start without a vault: a service that cannot keep client keys must not accept clinical text. */
    static KeyVault open(KeyVaultProperties properties) {
        if (properties.url() == null || properties.url().isBlank()) {
            throw new IllegalStateException("securebase.journal.key-vault.url is not set (docs/operations.md, \"Keys\")");
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("key-vault");
        config.setJdbcUrl(properties.url());
        config.setUsername(properties.username());
        config.setPassword(properties.password());
        config.setMaximumPoolSize(properties.maximumPoolSize());
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/key-vault")
                    .table("key_vault_schema_history").load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new KeyVault(dataSource);
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
