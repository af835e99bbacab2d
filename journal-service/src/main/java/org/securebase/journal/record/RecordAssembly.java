package org.securebase.journal.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;

import org.securebase.journal.assignment.AssignmentRecords;
import org.securebase.journal.assignment.AssignmentViews;
import org.securebase.journal.audit.AuditLog;
import org.securebase.journal.audit.AuditRecord;
import org.securebase.journal.caseload.Caseloads;
import org.securebase.journal.entry.EntryRecords;
import org.securebase.journal.entry.EntryViews;
import org.securebase.journal.feedback.FeedbackRecords;
import org.securebase.journal.measure.MeasureRecords;
import org.securebase.platform.security.Role;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gathers one record from the features, in one repeatable-read snapshot: a homework saved while the copy is made is
 * either wholly in it or not at all. A therapist's copy holds what that therapist may read of the client (their own
 * assignments, answers once handed in, entries shared with them, their questionnaires); the client's holds everything,
 * with the list of who read their data.
 */
@Component
class RecordAssembly {

    /** How the work is counted for the progress shown: one per assignment, plus one per other part. */
    static final int FIXED_STEPS = 3;

    private final AssignmentRecords assignments;
    private final FeedbackRecords feedback;
    private final EntryRecords entries;
    private final MeasureRecords measures;
    private final AuditLog audit;
    private final Caseloads accounts;

    RecordAssembly(AssignmentRecords assignments, FeedbackRecords feedback, EntryRecords entries, MeasureRecords measures,
                   AuditLog audit, Caseloads accounts) {
        this.assignments = assignments;
        this.feedback = feedback;
        this.entries = entries;
        this.measures = measures;
        this.audit = audit;
        this.accounts = accounts;
    }

    /** Progress of the gathering: {@code total} once known, then every step done. */
    interface Progress {
        void total(int total);

        void done(int done);
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ClientRecord assemble(RecordExport export, Instant now, Progress progress) {
        UUID client = export.subjectId();
        UUID therapistOnly = export.forTherapist() ? export.requestedBy() : null;
        List<AssignmentViews.AssignmentView> homework = assignments.of(client, therapistOnly);
        progress.total(homework.size() + FIXED_STEPS);
        Map<UUID, ClientRecord.Person> therapists = new HashMap<>();
        List<ClientRecord.RecordedAssignment> recorded = new ArrayList<>(homework.size());
        IntConsumer step = progressEvery(progress);
        int done = 0;
        for (AssignmentViews.AssignmentView a : homework) {
            ClientRecord.Person therapist = therapists.computeIfAbsent(a.therapistId(),
                    id -> person(id, Role.THERAPIST));
            recorded.add(new ClientRecord.RecordedAssignment(a.id(), therapist, a.article(), a.status(), a.note(),
                    a.reason(), a.obstacle(), a.plan(), a.quality(), a.createdAt(), a.dueAt(), a.openedAt(),
                    a.submittedAt(), a.reviewedAt(), a.prompts(),
                    // feedback is given on handed-in answers: a therapist's copy has nothing more to show before
                    a.submittedAt() != null ? feedback.threadOf(a.id(), client) : List.of()));
            step.accept(++done);
        }
        List<EntryViews.EntryView> journal = entries.of(client, therapistOnly);
        step.accept(++done);
        List<MeasureRecords.RecordedMeasure> questionnaires = measures.of(client, therapistOnly);
        step.accept(++done);
        // Who read the data is the client's to know; a therapist's copy for a transfer of care leaves it out.
        List<AuditRecord> readers = export.forTherapist() ? List.of() : audit.everyReadOf(client);
        progress.done(++done);
        return new ClientRecord(ClientRecord.FORMAT, ClientRecord.FORMAT_VERSION, now, person(client, Role.CLIENT),
                person(export.requestedBy(), export.requesterRole()),
                export.forTherapist() ? "THERAPIST_HOLDINGS" : "WHOLE_RECORD", recorded, journal, questionnaires,
                readers);
    }

    private ClientRecord.Person person(UUID id, Role role) {
        return new ClientRecord.Person(id, role.name(), accounts.displayName(id).orElse(null));
    }

    /** Reports every 20th step only: each report is a write of its own. */
    private static IntConsumer progressEvery(Progress progress) {
        return done -> {
            if (done % 20 == 0) {
                progress.done(done);
            }
        };
    }
}
