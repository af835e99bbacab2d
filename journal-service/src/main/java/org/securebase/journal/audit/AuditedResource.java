package org.securebase.journal.audit;

/** The kinds of clinical resource whose reads are audited. */
public enum AuditedResource {
    /** An assignment with its prompts, note, answers, feedback and replies. */
    ASSIGNMENT,
    /** The feedback thread of an assignment: the therapist's feedback and the client's replies. */
    ASSIGNMENT_FEEDBACK,
    /** A standardised measure's answers and score (measure feature). */
    MEASURE,
    /** A journal entry shared with the reader. */
    JOURNAL_ENTRY,
    /** That the person is a client of the practice: their name on a list, their account, their caseload (account-service). */
    CLIENT_IDENTITY,
    /** A copy of the client's whole record (or of what one therapist holds of it), downloaded (record feature). */
    CLIENT_RECORD,
    /** The access audit itself, exported by an admin. */
    ACCESS_AUDIT
}
