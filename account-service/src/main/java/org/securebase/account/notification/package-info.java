/**
 * Notifications: the emails that tell people something happened or is due, and their preferences.
 *
 * <p>account-service sends them because it owns people's addresses (ADR 0022): journal-service's assignment and
 * measure events (ids and times only) arrive through the events kit ({@link
 * org.securebase.account.notification.NotificationEvents}), each becomes {@code notification} rows with a
 * reminder key unique per reminder, and a db-scheduler one-time task per row sends it when it is due, on exactly one
 * instance, retried with backoff while the mail server is down and given up after a day. Submitting homework cancels
 * its reminders; a recipient who is no longer active, a pair no longer on one caseload, or a kind switched off since
 * is checked again right before sending, so nothing stale goes out.
 *
 * <p>Owns {@code GET/PUT /api/accounts/me/notifications} (the signed-in person's preferences),
 * {@code GET /api/accounts/{id}/notifications} (for admins: which kinds are on, nothing else),
 * {@code GET /api/accounts/caseload/{clientId}/zone} (for the client's therapist: the zone their homework is due in) and
 * {@code POST /api/accounts/notifications/unsubscribe} (RFC 8058 one-click, signed per person and kind, no session).
 * Mails name no answer, feedback, journal text, questionnaire result or article title: they say what happened and
 * link to the page.
 */
package org.securebase.account.notification;
