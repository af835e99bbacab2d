/**
 * The therapist's review agenda for one client (journal-service's {@code /api/journal/agenda/{clientId}} through
 * {@link org.securebase.portal.review.AgendaApi}): what happened since the last review, on a page and a printable
 * view, and the "mark reviewed" button that starts the next one. Reads are audited by journal-service, item by item.
 */
package org.securebase.portal.review;
