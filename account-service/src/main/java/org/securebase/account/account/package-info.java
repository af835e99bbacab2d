/**
 * The account table: one row per person the practice knows, keyed by their Keycloak user id, with their role,
 * their status ({@link org.securebase.account.account.AccountStatus}) and the invitation's progress.
 *
 * <p>Owns the admin API for finding accounts ({@code GET /api/accounts}, by role, status, name, email; paged),
 * deactivation and reactivation (Keycloak first, then the row and its event), and
 * {@link org.securebase.account.account.Accounts}: the only way other features read or change accounts. Every
 * status or role change publishes its event through the outbox in the same transaction.
 */
package org.securebase.account.account;
