/**
 * Catching up with Keycloak. People can be changed in Keycloak's admin console without this service knowing:
 * disabled or enabled, deleted, given another role, renamed, or created there. The reconciliation compares
 * every account with Keycloak and applies the difference through the account and caseload features, with the
 * usual events (cause {@code KEYCLOAK} or {@code DELETED_IN_KEYCLOAK}); Keycloak is the source of truth for who
 * may log in and with which role.
 *
 * <p>It runs when the service is ready (failures are logged: Keycloak may start later) and then every
 * {@code securebase.accounts.reconciliation.interval}. It is idempotent: a run that finds nothing changed
 * publishes nothing, and two instances running at once cannot publish a change twice (row locks; the second
 * sees no difference). Keycloak users holding a Secure Base role but unknown here are adopted; one that still
 * has its invitation pending is left alone until it is older than {@code import-grace}, so an invitation still
 * in progress here is not raced (and one whose undo failed is adopted after that).
 */
package org.securebase.account.reconciliation;
