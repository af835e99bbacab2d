/**
 * The access audit: who read whose clinical data, when, and under which request id.
 *
 * <p>Owns table {@code access_audit} (append-only: the database refuses UPDATE, DELETE and TRUNCATE, see
 * migration V3) and {@code GET /api/journal/audit}. Other features call {@link org.securebase.journal.audit.AccessAudit}
 * inside the transaction that reads the data, so a read and its audit row commit together or not at all. Rows
 * hold ids, the actor's role and display name, and the kind of resource; never any content.
 */
package org.securebase.journal.audit;
