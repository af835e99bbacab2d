package org.securebase.account.caseload;

/** Why an assignment ended. */
public enum EndReason {
    /** The client was assigned to another therapist. */
    REASSIGNED,
    /** An admin removed the client from the caseload without a new therapist. */
    UNASSIGNED,
    /** The client or the therapist no longer has that role (changed in Keycloak). */
    ROLE_CHANGED,
    /** The client or the therapist was deactivated; reactivating them does not bring the caseload back. */
    DEACTIVATED,
    /** The client or the therapist was deleted in Keycloak. */
    ACCOUNT_DELETED
}
