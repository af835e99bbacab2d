package org.securebase.portal.journal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * journal-service's journal entry requests and answers as {@link JournalApi} sends and reads them (unknown fields are
 * ignored). Records that carry what the client wrote print no text in toString, so a log line can never leak it.
 * The length limits are platform-contracts' {@code JournalLimits}.
 */
public final class Journal {

    /** journal-service's mood scale. */
    public static final int MOOD_MIN = 1;
    public static final int MOOD_MAX = 5;

    private Journal() {
    }

    /** Create or replace an entry; a replace must send the entry's link again or it is removed. */
    public record EntryRequest(String title, String body, Integer mood, UUID assignmentId) {

        @Override
        public String toString() {
            return "EntryRequest[redacted]";
        }
    }

    /** The owner's full view of an entry; {@code version} is what journal-service's ETag carries. */
    public record Entry(UUID id, String title, String body, Integer mood, UUID assignmentId, boolean shared,
                        Instant sharedAt, Instant createdAt, Instant updatedAt, long version) {

        @Override
        public String toString() {
            return "Entry[id=" + id + "]";
        }
    }

    /** A line of the owner's list: journal-service leaves the body out of lists. */
    public record Summary(UUID id, String title, Integer mood, UUID assignmentId, boolean shared, Instant sharedAt,
                          Instant createdAt, Instant updatedAt) {

        @Override
        public String toString() {
            return "Summary[id=" + id + "]";
        }
    }

    public record SummaryPage(List<Summary> items, String nextCursor) {
    }

    /** A therapist's view of an entry a client shared with them. */
    public record SharedEntry(UUID id, UUID clientId, String title, String body, Integer mood, UUID assignmentId,
                              Instant sharedAt, Instant createdAt, Instant updatedAt) {

        @Override
        public String toString() {
            return "SharedEntry[id=" + id + "]";
        }
    }

    public record SharedSummary(UUID id, UUID clientId, String title, Integer mood, Instant sharedAt,
                                Instant updatedAt) {

        @Override
        public String toString() {
            return "SharedSummary[id=" + id + "]";
        }
    }

    public record SharedPage(List<SharedSummary> items, String nextCursor) {
    }
}
