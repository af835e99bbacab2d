package org.securebase.journal.audit;

/** How the content was read. */
public enum AuditAction {
    /** The resource was opened on its own. */
    READ,
    /** The resource's text appeared in a list the reader fetched. */
    LISTED,
    /** The resource was exported (downloaded as a file). */
    EXPORTED
}
