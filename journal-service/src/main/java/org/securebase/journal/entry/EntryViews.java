package org.securebase.journal.entry;

import java.time.Instant;
import java.util.UUID;

/** What the entry endpoints answer. Records with clinical text print no text in toString. */
public final class EntryViews {

    private EntryViews() {
    }

    /** Create or replace an entry. {@code assignmentId} must name one of the client's own assignments. */
    record EntryRequest(String title, String body, Integer mood, UUID assignmentId) {

        @Override
        public String toString() {
            return "EntryRequest[redacted]";
        }
    }

    /** The owner's full view of an entry. */
    public record EntryView(UUID id, String title, String body, Integer mood, UUID assignmentId, boolean shared,
                     Instant sharedAt, Instant createdAt, Instant updatedAt, long version) {

        static EntryView of(JournalEntry entry) {
            return new EntryView(entry.id(), entry.content().title(), entry.content().body(), entry.content().mood(),
                    entry.assignmentId(), entry.isShared(), entry.sharedAt(), entry.createdAt(), entry.updatedAt(),
                    entry.version());
        }

        @Override
        public String toString() {
            return "EntryView[id=" + id + "]";
        }
    }

    /** A line of the owner's list: the title without the body. */
    record EntrySummary(UUID id, String title, Integer mood, UUID assignmentId, boolean shared, Instant sharedAt,
                        Instant createdAt, Instant updatedAt) {

        static EntrySummary of(JournalEntry entry) {
            return new EntrySummary(entry.id(), entry.content().title(), entry.content().mood(), entry.assignmentId(),
                    entry.isShared(), entry.sharedAt(), entry.createdAt(), entry.updatedAt());
        }

        @Override
        public String toString() {
            return "EntrySummary[id=" + id + "]";
        }
    }

    /** A therapist's view of an entry a client shared with them. */
    public record SharedEntryView(UUID id, UUID clientId, String title, String body, Integer mood, UUID assignmentId,
                           Instant sharedAt, Instant createdAt, Instant updatedAt) {

        static SharedEntryView of(JournalEntry entry) {
            return new SharedEntryView(entry.id(), entry.clientId(), entry.content().title(), entry.content().body(),
                    entry.content().mood(), entry.assignmentId(), entry.sharedAt(), entry.createdAt(),
                    entry.updatedAt());
        }

        @Override
        public String toString() {
            return "SharedEntryView[id=" + id + "]";
        }
    }

    /** A line of the therapist's list of shared entries. */
    record SharedEntrySummary(UUID id, UUID clientId, String title, Integer mood, Instant sharedAt, Instant updatedAt) {

        static SharedEntrySummary of(JournalEntry entry) {
            return new SharedEntrySummary(entry.id(), entry.clientId(), entry.content().title(),
                    entry.content().mood(), entry.sharedAt(), entry.updatedAt());
        }

        @Override
        public String toString() {
            return "SharedEntrySummary[id=" + id + "]";
        }
    }
}
