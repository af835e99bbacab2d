package org.securebase.journal.entry;

import java.time.Instant;
import java.util.UUID;

/** A journal entry, decrypted. */
record JournalEntry(UUID id, UUID clientId, EntryContent content, UUID assignmentId, UUID sharedWith,
                    Instant sharedAt, Instant createdAt, Instant updatedAt, long version) {

    boolean isShared() {
        return sharedWith != null;
    }

    @Override
    public String toString() {
        return "JournalEntry[id=" + id + ", clientId=" + clientId + ", shared=" + isShared() + ", version=" + version + "]";
    }
}
