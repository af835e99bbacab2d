/**
 * {@code GET /api/accounts/me}, for everyone: who the signed-in person is here (id, name, role, status, the time
 * zone they read dates in) and, for a client, their therapist's name. The first call of an invited person is their
 * first login, so it also activates the account; someone unknown here but valid in Keycloak (created in its console since the last
 * reconciliation) is adopted on the spot.
 */
package org.securebase.account.me;
