package org.securebase.platform.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.securebase.platform.embedded.PostgresServer;
import org.securebase.platform.events.outbox.OutboxEvent;

import tools.jackson.databind.json.JsonMapper;

/**
 * An upgrade of a service's outbox rows, rehearsed on a database of its own: migrated to the version before the
 * events kit, given rows as the service wrote them then, migrated to the newest version, and read back the way the
 * kit's registry restores them (Jackson into {@link OutboxEvent}).
 */
public final class OutboxUpgrade {

    /** A row of {@code event_publication} as written before the kit. */
    public record LegacyRow(String eventType, String serializedEvent, boolean completed) {
    }

    /** A row after the upgrade: its type column and the event the registry restores from it. */
    public record UpgradedRow(String eventType, OutboxEvent event, boolean completed) {
    }

    private static final JsonMapper REGISTRY_MAPPER = JsonMapper.builder().build();

    private OutboxUpgrade() {
    }

    /** Runs the service's migrations ({@code classpath:db/migration}) up to {@code lastBeforeKit}, adds the rows, then all. */
    public static List<UpgradedRow> upgrade(String databaseName, String lastBeforeKit, List<LegacyRow> rows) throws SQLException {
        PostgresServer.Database database = TestBackends.postgres().database(databaseName, databaseName, databaseName);
        flyway(database, lastBeforeKit).migrate();
        try (Connection connection = connect(database)) {
            for (LegacyRow row : rows) {
                insert(connection, row);
            }
        }
        flyway(database, "latest").migrate();
        List<UpgradedRow> upgraded = new ArrayList<>();
        try (Connection connection = connect(database);
             ResultSet rs = connection.createStatement().executeQuery(
                     "select event_type, serialized_event, completion_date from event_publication order by publication_date")) {
            while (rs.next()) {
                upgraded.add(new UpgradedRow(rs.getString(1), REGISTRY_MAPPER.readValue(rs.getString(2), OutboxEvent.class),
                        rs.getTimestamp(3) != null));
            }
        }
        return upgraded;
    }

    private static Flyway flyway(PostgresServer.Database database, String target) {
        return Flyway.configure()
                .dataSource(database.jdbcUrl(), database.username(), database.password())
                .locations("classpath:db/migration")
                .target(target)
                .load();
    }

    private static Connection connect(PostgresServer.Database database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private static void insert(Connection connection, LegacyRow row) throws SQLException {
        Instant now = Instant.now();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
                                               completion_date, status, completion_attempts)
                values (?, ?, ?, ?, ?, ?, ?, 0)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, "org.springframework.modulith.events.support.DelegatingEventExternalizer.externalize(java.lang.Object)");
            insert.setString(3, row.eventType());
            insert.setString(4, row.serializedEvent());
            insert.setTimestamp(5, Timestamp.from(now));
            insert.setTimestamp(6, row.completed() ? Timestamp.from(now) : null);
            insert.setString(7, row.completed() ? "COMPLETED" : "PUBLISHED");
            insert.executeUpdate();
        }
    }
}
