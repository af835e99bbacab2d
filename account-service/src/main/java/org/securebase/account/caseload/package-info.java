/**
 * Caseloads: which therapist each client belongs to, one at a time, with history (a reassignment ends one
 * {@code caseload_assignment} row and starts the next; rows are never deleted).
 *
 * <p>Admin API: {@code PUT /api/accounts/{clientId}/therapist} (assign or reassign),
 * {@code DELETE /api/accounts/{clientId}/therapist}, {@code GET /api/accounts/{clientId}/therapist-assignments}
 * (history) and {@code GET /api/accounts/{therapistId}/caseload}. Therapists read their own caseload at
 * {@code GET /api/accounts/caseload}.
 *
 * <p>Each change locks the client's account row, so changes to one client are serialised, and publishes
 * {@code CaseloadEnded} / {@code CaseloadAssigned} keyed by the client, numbered by the client's event
 * sequence: journal-service's caseload projection (who may see whose data) sees them in order.
 */
package org.securebase.account.caseload;
