package org.securebase.journal.record;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.securebase.journal.assignment.AssignmentStatus;
import org.securebase.journal.assignment.AssignmentViews;
import org.securebase.journal.audit.AuditRecord;
import org.securebase.journal.entry.EntryViews;
import org.securebase.journal.feedback.FeedbackViews;
import org.securebase.journal.measure.MeasureRecords;

/**
 * {@code record.json}: the record as data, format {@value #FORMAT} version {@value #FORMAT_VERSION}
 * ({@code record/client-record.schema.json}). Absent values are left out rather than written as null.
 *
 * @param scope {@code WHOLE_RECORD} (the client's own copy) or {@code THERAPIST_HOLDINGS} (what one therapist holds)
 */
record ClientRecord(String format, int formatVersion, Instant preparedAt, Person client, Person preparedFor, String scope,
                    List<RecordedAssignment> assignments, List<EntryViews.EntryView> journalEntries,
                    List<MeasureRecords.RecordedMeasure> questionnaires, List<AuditRecord> accessLog) {

    static final String FORMAT = "securebase-client-record";
    static final int FORMAT_VERSION = 1;

    @Override
    public String toString() {
        return "ClientRecord[client=" + client.id() + ", scope=" + scope + "]";
    }

    /** A person by id, with their role and the name the practice has for them when it has one. */
    record Person(UUID id, String role, String name) {
    }

    /** One homework with everything written in it and about it. */
    record RecordedAssignment(UUID id, Person therapist, AssignmentViews.ArticleRef article, AssignmentStatus status,
                              String note, String reason, String obstacle, AssignmentViews.PlanView plan,
                              AssignmentViews.QualityView quality, Instant createdAt, Instant dueAt, Instant openedAt,
                              Instant submittedAt, Instant reviewedAt, List<AssignmentViews.PromptView> prompts,
                              List<FeedbackViews.FeedbackView> feedback) {

        @Override
        public String toString() {
            return "RecordedAssignment[id=" + id + "]";
        }
    }
}
