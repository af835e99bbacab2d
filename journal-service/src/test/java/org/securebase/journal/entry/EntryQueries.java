package org.securebase.journal.entry;

/** The production list queries of the journal, for the query-plan measurement (test-side access only). */
public final class EntryQueries {

    private EntryQueries() {
    }

    public static String ownList(boolean afterCursor) {
        return EntryRepository.ownListSql(afterCursor);
    }

    public static String sharedList(boolean afterCursor) {
        return EntryRepository.sharedListSql(afterCursor);
    }
}
