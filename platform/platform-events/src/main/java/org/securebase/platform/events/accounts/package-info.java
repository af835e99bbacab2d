/**
 * Payload contracts of {@link org.securebase.platform.events.Topics#ACCOUNTS}, owned by account-service and read by
 * journal-service (caseloads, roles, display names) and content-service (who is deactivated).
 *
 * <p>Ids, roles, a display name, times and the per-account {@code sequence}; never an email address. Every payload
 * is an {@link org.securebase.platform.events.accounts.AccountEvent}: the envelope's aggregate id is the account the
 * event counts for (the client, for caseload events), and {@code sequence} is that account's event counter.
 */
package org.securebase.platform.events.accounts;
