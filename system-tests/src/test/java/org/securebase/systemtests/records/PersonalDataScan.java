package org.securebase.systemtests.records;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.securebase.localstack.SecureBaseStack;

/**
 * Looks for a person's name or email in every text column of every database of the stack, as its superuser: what an
 * erasure must have left nowhere. Keycloak's login and admin events are not scanned: they are the identity
 * provider's security log, which expires on its own ({@code eventsExpiration}, one year) and which Keycloak cannot
 * delete for one person; docs/operations.md says so.
 */
final class PersonalDataScan {

    private static final List<String> DATABASES = List.of("account", "journal", "journal_keys", "content", "portal",
            "keycloak");
    private static final Set<String> NOT_SCANNED = Set.of("keycloak.public.event_entity",
            "keycloak.public.admin_event_entity");

    private PersonalDataScan() {
    }

    /** {@code database.schema.table.column} of each column holding any of the needles (case-insensitive). */
    static List<String> find(SecureBaseStack stack, String... needles) throws SQLException {
        List<String> found = new ArrayList<>();
        for (String database : DATABASES) {
            try (Connection connection = DriverManager.getConnection(stack.superuserJdbcUrl(database), "postgres",
                    "postgres")) {
                for (String[] column : textColumns(connection)) {
                    String qualified = database + "." + column[0] + "." + column[1];
                    if (NOT_SCANNED.contains(qualified)) {
                        continue;
                    }
                    for (String needle : needles) {
                        if (contains(connection, column, needle)) {
                            found.add(qualified + "." + column[2]);
                        }
                    }
                }
            }
        }
        return found;
    }

    private static List<String[]> textColumns(Connection connection) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select c.table_schema, c.table_name, c.column_name from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where t.table_type = 'BASE TABLE' and c.table_schema not in ('pg_catalog', 'information_schema')
                  and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb')""");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                columns.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        return columns;
    }

    private static boolean contains(Connection connection, String[] column, String needle) throws SQLException {
        String sql = "select exists (select 1 from " + quoted(column[0]) + "." + quoted(column[1]) + " where "
                + quoted(column[2]) + "::text ilike ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
