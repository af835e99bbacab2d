package org.securebase.journal.caseload;

/** The production caseload query, for the query-plan measurement (test-side access only). */
public final class CaseloadQueries {

    private CaseloadQueries() {
    }

    public static String clientsOf() {
        return Caseloads.CLIENTS_OF_SQL;
    }
}
