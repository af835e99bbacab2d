package org.securebase.journal.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.UUID;

import org.securebase.platform.security.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The access audit as CSV (RFC 4180), for an admin: every row the filters select, oldest first. The export is itself
 * audited, in the same transaction, before the first byte is written.
 */
@Component
class AuditExport {

    static final String HEADER = "id,occurred_at,actor_id,actor_role,actor_name,subject_id,resource_type,resource_id,action,request_id";

    private final JdbcClient jdbc;
    private final AccessAudit audit;

    AuditExport(JdbcClient jdbc, AccessAudit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    void export(Caller admin, UUID subject, UUID actor, Writer out) {
        // Whose data the export covers: the filtered client's, or everyone's (then recorded against the admin).
        audit.recordRead(admin, subject != null ? subject : admin.id(), AuditedResource.ACCESS_AUDIT, UUID.randomUUID(),
                AuditAction.EXPORTED);
        write(out, HEADER + "\r\n");
        StringBuilder where = new StringBuilder("true");
        if (subject != null) {
            where.append(" and subject_id = :subject");
        }
        if (actor != null) {
            where.append(" and actor_id = :actor");
        }
        var query = jdbc.sql("select * from access_audit where " + where + " order by id");
        if (subject != null) {
            query = query.param("subject", subject);
        }
        if (actor != null) {
            query = query.param("actor", actor);
        }
        query.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> write(out, String.join(",", Long.toString(rs.getLong("id")),
                rs.getTimestamp("occurred_at").toInstant().toString(), rs.getString("actor_id"),
                field(rs.getString("actor_role")), field(rs.getString("actor_name")), rs.getString("subject_id"),
                field(rs.getString("resource_type")), rs.getString("resource_id"), field(rs.getString("action")),
                field(rs.getString("request_id"))) + "\r\n"));
    }

    /**
     * Quoted when it must be (comma, quote, line break), and defused when a spreadsheet would read it as a formula
     * (a leading =, +, -, @, tab or carriage return gets a leading apostrophe).
     */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static void write(Writer out, String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
