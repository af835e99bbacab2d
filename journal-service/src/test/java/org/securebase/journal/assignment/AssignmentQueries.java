package org.securebase.journal.assignment;

import java.util.Set;

/** The production list queries of the assignment feature, for the query-plan measurement (test-side access only). */
public final class AssignmentQueries {

    private AssignmentQueries() {
    }

    public static String clientList(boolean byStatus, boolean afterCursor) {
        return AssignmentRepository.listSql(AssignmentRepository.CLIENT_OWNER, filter(byStatus), afterCursor);
    }

    /** The client's "new feedback" list: assignments with feedback they have not read. */
    public static String clientUnreadFeedbackList() {
        return AssignmentRepository.listSql(AssignmentRepository.CLIENT_OWNER,
                new AssignmentRepository.ListFilter(Set.of(), null, null, true), false);
    }

    public static String therapistCaseloadList(boolean afterCursor) {
        return AssignmentRepository.listSql(AssignmentRepository.THERAPIST_CASELOAD_OWNER, filter(false), afterCursor);
    }

    public static String therapistOneClientList(boolean afterCursor) {
        return AssignmentRepository.listSql(AssignmentRepository.THERAPIST_ONE_CLIENT_OWNER, filter(false), afterCursor);
    }

    public static String adherence() {
        return AssignmentRepository.ADHERENCE_SQL;
    }

    private static AssignmentRepository.ListFilter filter(boolean byStatus) {
        Set<AssignmentStatus> statuses = byStatus ? Set.of(AssignmentStatus.SUBMITTED) : Set.of();
        return new AssignmentRepository.ListFilter(statuses, null, null, null);
    }
}
