package org.securebase.account.events;

/** Who or what changed an account's status. */
public enum StatusChangeCause {
    /** An administrator, through this service's API. */
    ADMIN,
    /** Someone in Keycloak's admin console; found by the reconciliation. */
    KEYCLOAK,
    /** The user was deleted in Keycloak; found by the reconciliation. The account cannot come back. */
    DELETED_IN_KEYCLOAK
}
