package org.securebase.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.securebase.platform.embedded.PostgresServer;

/**
 * A service's own database, for what no API shows (outboxes, projection tables, the portal's session store) and, in
 * the sessions suite, for moving a session's clock. Each call opens and closes its own connection.
 */
public record ServiceDatabase(PostgresServer.Database database) {

    public static ServiceDatabase of(PostgresServer.Database database) {
        return new ServiceDatabase(database);
    }

    /** The first column of each row, as text. */
    public List<String> rows(String sql, Object... parameters) {
        return run(sql, parameters, statement -> {
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        });
    }

    public long count(String sql, Object... parameters) {
        return Long.parseLong(rows(sql, parameters).get(0));
    }

    /** Returns the number of rows changed. */
    public int update(String sql, Object... parameters) {
        return run(sql, parameters, PreparedStatement::executeUpdate);
    }

    private <T> T run(String sql, Object[] parameters, Statement<T> work) {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return work.apply(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("failed in " + database.jdbcUrl() + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Statement<T> {
        T apply(PreparedStatement statement) throws SQLException;
    }
}
