package org.securebase.platform.events.accounts;

/** Who or what changed an account's status. */
public enum StatusChangeCause {
    /** An administrator, through account-service's API. */
    ADMIN,
    /** Someone in Keycloak's admin console; found by account-service's reconciliation. */
    KEYCLOAK,
    /** The user was deleted in Keycloak; found by the reconciliation. The account cannot come back. */
    DELETED_IN_KEYCLOAK
}
