package org.securebase.journal.entry;

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
 * Journal entries a client shared with their therapist, for the review agenda. The caller has checked that the client
 * is on the therapist's caseload; each entry shown is audited in the caller's transaction.
 */
@Component
public class SharedEntryHistory {

    private final EntryRepository entries;
    private final AccessAudit audit;

    SharedEntryHistory(EntryRepository entries, AccessAudit audit) {
        this.entries = entries;
        this.audit = audit;
    }

    /** Entries shared with the therapist, or changed since shared, after {@code after}; oldest change first. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<EntryViews.SharedEntryView> sharedOrChangedAfter(Caller therapist, UUID clientId, Instant after,
                                                                 int limit) {
        return entries.sharedWithAndChangedAfter(therapist.id(), clientId, after, limit).stream()
                .map(entry -> {
                    audit.recordRead(therapist, clientId, AuditedResource.JOURNAL_ENTRY, entry.id(), AuditAction.READ);
                    return EntryViews.SharedEntryView.of(entry);
                })
                .toList();
    }
}
