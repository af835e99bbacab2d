package org.securebase.journal.measure;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.securebase.journal.audit.AccessAudit;
import org.securebase.journal.audit.AuditAction;
import org.securebase.journal.audit.AuditedResource;
import org.securebase.platform.security.Caller;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Questionnaire results a client handed in, for the review agenda. The caller has checked that the client is on the
 * therapist's caseload; only results of the therapist's own schedules are included, each audited in the caller's
 * transaction.
 */
@Component
public class MeasureHistory {

    private final MeasureRepository repository;
    private final Measures measures;
    private final AccessAudit audit;

    MeasureHistory(MeasureRepository repository, Measures measures, AccessAudit audit) {
        this.repository = repository;
        this.measures = measures;
        this.audit = audit;
    }

    /**
     * A submitted result: the total against the instrument's maximum, its band, and the change against the client's
     * previous and first results of the instrument ({@code reliableChange}: IMPROVED, DETERIORATED or NONE).
     */
    public record Result(UUID id, String instrument, String title, Instant submittedAt, int total, int maximum,
                         String bandLabel, Integer changeSincePrevious, Integer changeSinceFirst, String reliableChange,
                         boolean needsAttention) {

        @Override
        public String toString() {
            return "Result[id=" + id + "]";
        }
    }

    /** Results submitted after {@code after}, oldest first. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Result> submittedAfter(Caller therapist, UUID clientId, Instant after, int limit) {
        return repository.submittedAfter(therapist.id(), clientId, after, limit).stream()
                .map(measures::view)
                .filter(view -> view.result() != null)
                .map(view -> {
                    audit.recordRead(therapist, clientId, AuditedResource.MEASURE, view.id(), AuditAction.LISTED);
                    MeasureViews.ResultView result = view.result();
                    return new Result(view.id(), view.instrument(), view.title(), view.submittedAt(), result.total(),
                            result.maximum(), result.bandLabel(), result.changeSincePrevious(),
                            result.changeSinceFirst(), result.reliableChange().name(), view.needsAttention());
                })
                .toList();
    }
}
