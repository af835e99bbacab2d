/**
 * The caseload projection: which therapist each client currently belongs to, and each account's role, status
 * and display name, fed by account-service's {@code securebase.accounts.v1}.
 *
 * <p>Owns tables {@code caseload} and {@code account_projection}; other features ask
 * {@link org.securebase.journal.caseload.Caseloads}. Idempotent twice over: the event id is recorded
 * ({@code processed_event}) and every event carries its account's {@code sequence}, so an event at or below the
 * highest applied sequence of its account - a replay, or a retried send overtaken by a newer event - changes
 * nothing. Unreadable records go to {@code securebase.accounts.v1.dlt}.
 */
package org.securebase.journal.caseload;
