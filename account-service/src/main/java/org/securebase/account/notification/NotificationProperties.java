package org.securebase.account.notification;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code securebase.notifications.*}.
 *
 * @param practiceName    the practice's name, in every mail's sender and text
 * @param fromAddress     the address mails come from (the display name is the practice's name)
 * @param portalUrl       the public address the links in mails point to
 * @param defaultZone     the practice's time zone: everyone's until they choose their own
 * @param defaultLanguage {@code en} or {@code es}, until a person chooses
 * @param linkSecret      the key that signs unsubscribe links (at least 32 bytes; the same on every instance)
 * @param pollInterval    how often each instance looks for due notifications
 * @param threads         how many mails one instance sends at once
 * @param retryInitial    the first wait after a failed send; each further failure doubles it up to {@code retryMax}
 * @param retryMax        the longest wait between two attempts
 * @param giveUpAfter     how long after its send time a notification is still tried
 * @param feedbackDelay   feedback on several answers of one homework, given within this time, is one mail
 * @param heartbeatInterval how often an instance marks the sends it has under way as alive
 * @param missedHeartbeats  after this many missed heartbeats a send under way counts as dead (its instance crashed)
 *                          and another instance takes it up again
 */
@ConfigurationProperties("securebase.notifications")
public record NotificationProperties(
        @DefaultValue("Secure Base") String practiceName,
        @DefaultValue("no-reply@securebase.test") String fromAddress,
        @DefaultValue("http://localhost:8080") URI portalUrl,
        @DefaultValue("America/New_York") ZoneId defaultZone,
        @DefaultValue("en") String defaultLanguage,
        String linkSecret,
        @DefaultValue("PT2S") Duration pollInterval,
        @DefaultValue("4") int threads,
        @DefaultValue("PT30S") Duration retryInitial,
        @DefaultValue("PT30M") Duration retryMax,
        @DefaultValue("P1D") Duration giveUpAfter,
        @DefaultValue("PT2M") Duration feedbackDelay,
        @DefaultValue("PT15S") Duration heartbeatInterval,
        @DefaultValue("4") int missedHeartbeats) {

    public NotificationProperties {
        if (linkSecret == null || linkSecret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("securebase.notifications.link-secret (SECUREBASE_NOTIFICATIONS_LINK_SECRET) "
                    + "must be set to at least 32 bytes, the same on every instance: it signs the unsubscribe links");
        }
        if (!NotificationTemplates.LANGUAGES.contains(defaultLanguage)) {
            throw new IllegalArgumentException("securebase.notifications.default-language must be one of "
                    + NotificationTemplates.LANGUAGES);
        }
        if (missedHeartbeats < 2) {
            // db-scheduler's own minimum: one late heartbeat must not make a live send look dead
            throw new IllegalArgumentException("securebase.notifications.missed-heartbeats must be at least 2");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("securebase.notifications.threads must be at least 1");
        }
    }

    /** The portal's address for {@code path} (which starts with a slash). */
    String link(String path) {
        String base = portalUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
