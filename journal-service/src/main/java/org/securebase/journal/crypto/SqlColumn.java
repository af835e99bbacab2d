package org.securebase.journal.crypto;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A ciphertext column as plain SQL, for a feature to declare its columns to the key rotation. The feature writes the
 * query part that reads a row's binding ({@code select} columns and {@code from}, where the table's own columns are
 * qualified by {@code t}) and the mapping from it; this class pages through the table in id order and replaces one
 * ciphertext at a time, only if it is unchanged.
 */
public final class SqlColumn implements ReEncryptable {

    /** Builds a row's binding from the columns the feature selected. */
    @FunctionalInterface
    public interface BindingMapper {
        ClinicalCipher.Binding map(ResultSet rs) throws SQLException;
    }

    private final JdbcClient jdbc;
    private final String table;
    private final String column;
    private final String versionColumn;
    private final String select;
    private final String from;
    private final BindingMapper binding;
    private final String ownerColumn;

    /**
     * @param select the binding's columns besides {@code t.id} and the ciphertext, e.g. {@code t.client_id, t.sealed_version}
     * @param from   {@code <table> t} and any joins
     */
    public SqlColumn(JdbcClient jdbc, String table, String column, String versionColumn, String select, String from,
                     BindingMapper binding) {
        this.jdbc = jdbc;
        this.table = table;
        this.column = column;
        this.versionColumn = versionColumn;
        this.select = select;
        this.from = from;
        this.binding = binding;
        this.ownerColumn = ownerColumnIn(select);
    }

    /**
     * The client a row belongs to is the binding's owner, which every feature selects as {@code <alias>.client_id}
     * (or {@code t.subject_id} for a record's copy); an erasure finds that client's rows by it.
     */
    private static String ownerColumnIn(String select) {
        java.util.regex.Matcher owner = java.util.regex.Pattern.compile("\\b(\\w+\\.(?:client_id|subject_id))\\b")
                .matcher(select);
        if (!owner.find()) {
            throw new IllegalArgumentException("the binding's columns must include the owner (client_id or subject_id): "
                    + select);
        }
        return owner.group(1);
    }

    @Override
    public String table() {
        return table;
    }

    @Override
    public String column() {
        return column;
    }

    @Override
    public List<Sealed> after(UUID after, int limit) {
        return jdbc.sql("select t.id, t." + column + " as ciphertext, " + select + " from " + from
                        + " where t." + column + " is not null and t.id > :after order by t.id limit :limit")
                .param("after", after == null ? new UUID(0, 0) : after)
                .param("limit", limit)
                .query((rs, n) -> new Sealed(rs.getObject("id", UUID.class), binding.map(rs), rs.getBytes("ciphertext")))
                .list();
    }

    @Override
    public List<Sealed> ownedBy(UUID owner) {
        return jdbc.sql("select t.id, t." + column + " as ciphertext, " + select + " from " + from
                        + " where t." + column + " is not null and " + ownerColumn + " = :owner order by t.id")
                .param("owner", owner)
                .query((rs, n) -> new Sealed(rs.getObject("id", UUID.class), binding.map(rs), rs.getBytes("ciphertext")))
                .list();
    }

    @Override
    public boolean replace(UUID id, byte[] expected, byte[] replacement, long version) {
        return jdbc.sql("update " + table + " set " + column + " = :replacement, " + versionColumn + " = :version"
                        + " where id = :id and " + column + " = :expected")
                .param("replacement", replacement)
                .param("version", version)
                .param("id", id)
                .param("expected", expected)
                .update() == 1;
    }
}
