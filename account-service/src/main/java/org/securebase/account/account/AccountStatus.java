package org.securebase.account.account;

/** Where a person stands. */
public enum AccountStatus {
    /** Created in Keycloak and invited; has not verified their email or logged in yet. */
    INVITED,
    /** Has shown up (verified their email or logged in). */
    ACTIVE,
    /** Disabled in Keycloak, by an admin here or in Keycloak's console; can be reactivated. */
    DEACTIVATED,
    /** Deleted in Keycloak's console. Kept for history (caseloads, audit) but can never come back. */
    DELETED
}
