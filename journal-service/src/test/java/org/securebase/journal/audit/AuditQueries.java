package org.securebase.journal.audit;

/** The production audit query, for the query-plan measurement (test-side access only). */
public final class AuditQueries {

    private AuditQueries() {
    }

    public static String list(boolean bySubject, boolean byActor, boolean afterCursor) {
        return AuditLog.listSql(bySubject, byActor, afterCursor);
    }
}
