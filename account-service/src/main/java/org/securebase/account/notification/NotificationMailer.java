package org.securebase.account.notification;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one rendered notification over SMTP: text and HTML alternatives, {@code From} the practice, {@code Date}
 * from the service's clock, a {@code Message-ID} made from the notification's id (so a resend after a crash is
 * recognisably the same message, and mail systems drop the copy), RFC 8058 one-click unsubscribe headers, and
 * {@code Auto-Submitted} so no auto-responder answers. No images, no tracking.
 */
@Component
class NotificationMailer {

    private static final Logger log = LoggerFactory.getLogger(NotificationMailer.class);

    static final String KEY_HEADER = "X-Securebase-Reminder-Key";

    private static final Session SESSION = Session.getInstance(new Properties());

    private final JavaMailSender sender;
    private final NotificationProperties properties;
    private final Clock clock;

    NotificationMailer(JavaMailSender sender, NotificationProperties properties, Clock clock) {
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
    }

    /** The Message-ID a notification's mail carries, every time it is sent. */
    String messageId(UUID notificationId) {
        String from = properties.fromAddress();
        return "<" + notificationId + "." + "notification" + from.substring(from.indexOf('@')) + ">";
    }

    void send(Notification notification, String to, NotificationTemplates.Rendered mail, String oneClickUrl) {
        String messageId = messageId(notification.id());
        MimeMessage message = new MimeMessage(SESSION) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(new InternetAddress(properties.fromAddress(), properties.practiceName(), "UTF-8"));
            helper.setTo(to);
            helper.setSubject(mail.subject());
            helper.setSentDate(Date.from(clock.instant()));
            helper.setText(mail.text(), mail.html());
            message.setHeader("Auto-Submitted", "auto-generated");
            // Which reminder this is (kind, subject, due time: ids and times only), the same for every copy of it:
            // support and receiving systems can tell a resend from a second reminder.
            message.setHeader(KEY_HEADER, notification.reminderKey());
            if (oneClickUrl != null) {
                message.setHeader("List-Unsubscribe", "<" + oneClickUrl + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("notification " + notification.id() + " could not be composed", e);
        }
        try {
            sender.send(message);
        } catch (MailSendException e) {
            // Spring reports a failed QUIT after the server accepted the message as a failure with no failed message.
            // The mail is on its way: counting it as failed would send it again.
            if (!e.getFailedMessages().isEmpty()) {
                throw e;
            }
            log.warn("Notification {} accepted by the mail server; closing the connection failed: {}",
                    notification.id(), e.getClass().getSimpleName());
        }
    }
}
