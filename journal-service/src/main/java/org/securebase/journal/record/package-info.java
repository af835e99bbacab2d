/**
 * A person's record, to take with them: a client downloads everything Secure Base holds about them, a therapist what
 * they hold of one client of their caseload (for a transfer of care), as one archive with a machine-readable part
 * ({@code record.json}, described by {@code record.schema.json} and docs/record-format.md; FHIR R4
 * QuestionnaireResponses for questionnaires) and a human-readable part ({@code record.html} and {@code record.pdf}).
 *
 * <p>Owns table {@code record_export} and {@code /api/journal/record-exports/**}. A request is prepared in the
 * background ({@code RecordPreparation}), any instance taking it, with its progress in the row; the archive is kept
 * only as a ciphertext bound to the export and its client, and only until its link expires. Reads the other features
 * through their public record types ({@code AssignmentRecords}, {@code FeedbackRecords}, {@code EntryRecords},
 * {@code MeasureRecords}, the audit's {@code AuditLog}), which do not audit: the service prepares the copy, and each
 * download of it is audited as an export of the record, the client's own downloads included. Admins never get a copy
 * (404); they list the requests, which hold no content.
 */
package org.securebase.journal.record;
