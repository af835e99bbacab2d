package org.securebase.journal.audit;

import java.util.List;
import java.util.UUID;

import org.securebase.journal.web.Cursors;
import org.securebase.journal.web.Page;
import org.securebase.journal.web.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reading the audit, newest first, keyset-paginated on the row id. */
@Repository
public class AuditLog {

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every audited read of one person's data, oldest first: the "who read it" part of their record. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public List<AuditRecord> everyReadOf(UUID subject) {
        return jdbc.sql(RECORD_COLUMNS + " where subject_id = :subject order by id")
                .param("subject", subject)
                .query(AuditLog::map)
                .list();
    }

    private static final String RECORD_COLUMNS = """
            select id, occurred_at, actor_id, actor_role, actor_name, subject_id, resource_type, resource_id,
                   action, request_id
            from access_audit""";

    private static AuditRecord map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AuditRecord(
                rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(),
                new AuditRecord.Actor(rs.getObject("actor_id", UUID.class), rs.getString("actor_role"),
                        rs.getString("actor_name")),
                rs.getObject("subject_id", UUID.class),
                AuditedResource.valueOf(rs.getString("resource_type")),
                rs.getObject("resource_id", UUID.class),
                AuditAction.valueOf(rs.getString("action")),
                rs.getString("request_id"));
    }

    @Transactional(readOnly = true)
    Page<AuditRecord> list(UUID subject, UUID actor, PageRequest page) {
        Long before = page.cursor() == null ? null : Cursors.decodeLong(page.cursor());
        var query = jdbc.sql(listSql(subject != null, actor != null, before != null)).param("limit", page.fetchSize());
        if (subject != null) {
            query = query.param("subject", subject);
        }
        if (actor != null) {
            query = query.param("actor", actor);
        }
        if (before != null) {
            query = query.param("before", before);
        }
        List<AuditRecord> rows = query
                .query(AuditLog::map)
                .list();
        return Page.of(rows, page.limit(), row -> Cursors.encode(row.id()));
    }

    /**
     * The list query for one combination of filters. Built per combination rather than with
     * {@code (:x is null or col = :x)}: such a condition cannot use an index once PostgreSQL switches a prepared
     * statement to its generic plan. Each combination has an index in the list's order - (subject_id, id desc),
     * (actor_id, id desc), or the primary key - so PostgreSQL walks it and stops after limit + 1 rows.
     */
    static String listSql(boolean bySubject, boolean byActor, boolean afterCursor) {
        StringBuilder where = new StringBuilder("true");
        if (bySubject) {
            where.append(" and subject_id = :subject");
        }
        if (byActor) {
            where.append(" and actor_id = :actor");
        }
        if (afterCursor) {
            where.append(" and id < :before");
        }
        return RECORD_COLUMNS + """

                where %s
                order by id desc
                limit :limit""".formatted(where);
    }
}
