/**
 * The pages account-service's notification mails link to: the signed-in person's notification preferences
 * ({@code /settings/notifications}: which kinds of mail, time zone, language, when reminders and digests come) and
 * the mail's unsubscribe link ({@code /notifications/unsubscribe}), which works without a portal session and switches
 * nothing off until the person presses the button, because mail scanners open links.
 */
package org.securebase.portal.settings;
