package org.securebase.platform.test;

import org.securebase.platform.embedded.PostgresServer;
import org.securebase.platform.events.KafkaAccess;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;
import java.util.Map;

/**
 * Points a Spring Boot test at the shared real servers: its own database (named after the service,
 * {@code content-service} gets {@code content}), the Kafka broker, and - when the test sets
 * {@code securebase.test.keycloak=true} - Keycloak as issuer and key source, and - with
 * {@code securebase.test.key-vault=true} - journal-service's key vault, a database of its own named after the
 * service's with {@code _keys} appended (as in production: apart from the service's database). Used through each
 * service's composite integration-test annotation.
 */
public class RealBackends implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        String service = environment.getProperty("spring.application.name", "app");
        String databaseName = environment.getProperty("securebase.test.database",
                service.replace("-service", "").replace('-', '_'));
        PostgresServer.Database database = TestBackends.postgres().database(databaseName, databaseName, databaseName);

        Map<String, Object> properties = new HashMap<>();
        // As in production: the owner migrates, the service runs as a role that owns nothing (ApplicationRoleGrants).
        PostgresServer.Database application = TestBackends.postgres().applicationRole(database, databaseName + "_app",
                databaseName + "_app");
        properties.put("spring.datasource.url", application.jdbcUrl());
        properties.put("spring.datasource.username", application.username());
        properties.put("spring.datasource.password", application.password());
        properties.put("spring.flyway.user", database.username());
        properties.put("spring.flyway.password", database.password());
        properties.put("securebase.database.application-role", application.username());
        properties.put("spring.kafka.bootstrap-servers", TestBackends.kafkaBootstrapServers());
        if (KafkaAccess.SERVICES.stream().anyMatch(known -> known.principal().equals(service))) {
            TestBackends.kafkaClientProperties(service).forEach((key, value) -> {
                if (!key.equals("bootstrap.servers")) {
                    properties.put(key.equals("security.protocol") ? "spring.kafka.security.protocol"
                            : "spring.kafka.properties." + key, value);
                }
            });
        }
        // The shared servers stop in a JVM shutdown hook that runs alongside Spring's context close; a short
        // connection timeout keeps a closing context from waiting 30 s for a database that is already gone.
        properties.put("spring.datasource.hikari.connection-timeout", "3000");
        properties.put("server.port", "0");
        properties.put("management.server.port", "0");
        if (environment.getProperty("securebase.test.key-vault", Boolean.class, false)) {
            String vaultName = databaseName + "_keys";
            PostgresServer.Database vault = TestBackends.postgres().database(vaultName, vaultName, vaultName);
            properties.put("securebase.journal.key-vault.url", vault.jdbcUrl());
            properties.put("securebase.journal.key-vault.username", vault.username());
            properties.put("securebase.journal.key-vault.password", vault.password());
        }
        if (environment.getProperty("securebase.test.keycloak", Boolean.class, false)) {
            TestKeycloak keycloak = TestBackends.keycloak();
            properties.put("securebase.security.issuer-uri", keycloak.issuerUri());
            properties.put("securebase.security.jwk-set-uri", keycloak.jwkSetUri());
        }
        environment.getPropertySources().addFirst(new MapPropertySource("securebase-real-backends", properties));
    }
}
