package org.securebase.journal.record;

import java.time.Instant;
import java.util.UUID;

/** Requests and answers of the record endpoints. None holds any of the record's content. */
final class RecordViews {

    private RecordViews() {
    }

    /**
     * @param clientId whose record; a client may leave it out (their own), a therapist names a client of theirs
     * @param language of the words around the person's own in the HTML and the PDF, {@code en} (when left out) or
     *                 {@code es}
     */
    record ExportRequest(UUID clientId, String language) {
    }

    /**
     * A request for a copy and how far it is. {@code itemsDone} of {@code itemsTotal} while PREPARING (the total is
     * unknown until the preparation has started); {@code expiresAt}: until when a READY copy may be downloaded.
     */
    record ExportView(UUID id, UUID clientId, UUID requestedBy, String requesterRole, String language, String status,
                      int itemsDone,
                      Integer itemsTotal, Instant requestedAt, Instant readyAt, Instant expiresAt, Long archiveBytes,
                      int downloads, Instant lastDownloadAt) {

        static ExportView of(RecordExport export) {
            return new ExportView(export.id(), export.subjectId(), export.requestedBy(), export.requesterRole().name(),
                    export.language(), export.status().name(), export.itemsDone(), export.itemsTotal(), export.requestedAt(),
                    export.readyAt(), export.expiresAt(), export.archiveBytes(), export.downloads(),
                    export.lastDownloadAt());
        }
    }

    /** A downloaded archive and the name it is saved under. */
    record Archive(String fileName, byte[] bytes) {

        @Override
        public String toString() {
            return "Archive[" + fileName + ", " + bytes.length + " bytes]";
        }
    }
}
