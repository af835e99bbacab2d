package org.securebase.journal.entry;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** A client's journal entries for their record (the record feature; audited there as an export). */
@Component
public class EntryRecords {

    private final EntryRepository entries;

    EntryRecords(EntryRepository entries) {
        this.entries = entries;
    }

    /**
     * Every entry of the client, shared or not, oldest first; with {@code sharedWithOnly}, only those the client
     * shares with that therapist (a therapist never reads the others).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<EntryViews.EntryView> of(UUID clientId, UUID sharedWithOnly) {
        return entries.everyOf(clientId, sharedWithOnly).stream().map(EntryViews.EntryView::of).toList();
    }
}
