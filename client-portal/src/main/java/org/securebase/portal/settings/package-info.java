/**
 * The pages account-service's notification mails link to: the signed-in person's notification preferences
 * ({@code /settings/notifications}: which kinds of mail, time zone, language, when reminders and digests come) and
 * the mail's unsubscribe link ({@code /notifications/unsubscribe}), which works without a portal session and switches
 * nothing off until the person presses the button, because mail scanners open links. Also "Sign-in and security"
 * ({@code /settings/security}), where every role changes their password, adds an authenticator app and finds the
 * devices they are signed in on, all on Keycloak's own pages.
 */
package org.securebase.portal.settings;
