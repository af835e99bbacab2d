/**
 * Notification mails on the running stack: what is sent, when the moved clocks say so, and what the recipient's
 * choices (settings page, unsubscribe link, one-click header) stop.
 */
package org.securebase.systemtests.notifications;
