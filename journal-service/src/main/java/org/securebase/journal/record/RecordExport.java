package org.securebase.journal.record;

import java.time.Instant;
import java.util.UUID;

import org.securebase.platform.security.Role;

/** One request for a copy of a record, as stored (without the archive). */
record RecordExport(UUID id, UUID subjectId, UUID requestedBy, Role requesterRole, String language, Status status,
                    int itemsDone,
                    Integer itemsTotal, Instant requestedAt, Instant claimedAt, Instant readyAt, Instant expiresAt,
                    Long archiveBytes, int downloads, Instant lastDownloadAt) {

    /** The languages of the human-readable part: the portal's, which are the library's. */
    static final java.util.List<String> LANGUAGES = org.securebase.platform.contracts.ContentLimits.LANGUAGES;

    enum Status {
        /** Waiting for or in preparation. */
        PREPARING,
        /** The archive is stored and may be downloaded until {@code expiresAt}. */
        READY,
        /** Preparing it failed; a new request prepares it again. */
        FAILED,
        /** The link expired and the archive was dropped; the row stays as the record of the request. */
        EXPIRED
    }

    /** Whether the copy was made for a therapist: only what they hold of the client, as they may read it. */
    boolean forTherapist() {
        return requesterRole == Role.THERAPIST;
    }
}
