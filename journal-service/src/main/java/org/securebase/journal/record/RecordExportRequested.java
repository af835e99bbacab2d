package org.securebase.journal.record;

import java.util.UUID;

/** In-process only: a request was stored; once it commits, an instance starts preparing it without waiting for the sweep. */
record RecordExportRequested(UUID exportId) {
}
