package org.securebase.systemtests.restore;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every table of one database as the superuser sees it: its row count and a digest of all its rows (each row's text
 * form, hashed, in sorted order), so two snapshots are equal exactly when every row is.
 */
record DatabaseSnapshot(String database, Map<String, Table> tables) {

    record Table(long rows, String digest) {
    }

    static DatabaseSnapshot of(String database, String superuserJdbcUrl) {
        Map<String, Table> tables = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(superuserJdbcUrl, "postgres", "postgres");
             Statement statement = connection.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("select quote_ident(n.nspname) || '.' || quote_ident(c.relname) "
                    + "from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind = 'r' "
                    + "and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String table : names) {
                try (ResultSet rs = statement.executeQuery("select count(*), coalesce(md5(string_agg(md5(t::text), ',' "
                        + "order by md5(t::text))), '') from " + table + " t")) {
                    rs.next();
                    tables.put(table, new Table(rs.getLong(1), rs.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + database + ": " + e.getMessage(), e);
        }
        return new DatabaseSnapshot(database, tables);
    }

    long rows() {
        return tables.values().stream().mapToLong(Table::rows).sum();
    }

    /** Rows {@code restored} has fewer of than this snapshot, over all tables (a missing table counts whole). */
    long missingRowsIn(DatabaseSnapshot restored) {
        return tables.entrySet().stream().mapToLong(table -> {
            Table other = restored.tables().get(table.getKey());
            return Math.max(0, table.getValue().rows() - (other == null ? 0 : other.rows()));
        }).sum();
    }

    /** What {@code restored} lacks or holds differently, table by table. */
    List<String> differencesIn(DatabaseSnapshot restored) {
        List<String> differences = new ArrayList<>();
        tables.forEach((name, table) -> {
            Table other = restored.tables().get(name);
            if (other == null) {
                differences.add(database + " " + name + ": missing");
            } else if (other.rows() != table.rows()) {
                differences.add(database + " " + name + ": " + other.rows() + " rows instead of " + table.rows());
            } else if (!other.digest().equals(table.digest())) {
                differences.add(database + " " + name + ": rows changed");
            }
        });
        return differences;
    }
}
