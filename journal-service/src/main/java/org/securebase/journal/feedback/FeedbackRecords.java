package org.securebase.journal.feedback;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The feedback threads of a client's assignments, for their record (the record feature; audited there as an export). */
@Component
public class FeedbackRecords {

    private final FeedbackRepository repository;

    FeedbackRecords(FeedbackRepository repository) {
        this.repository = repository;
    }

    /** One assignment's feedback, oldest first, each with the client's replies. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<FeedbackViews.FeedbackView> threadOf(UUID assignmentId, UUID clientId) {
        return repository.thread(assignmentId, clientId);
    }
}
