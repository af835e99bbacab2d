package org.securebase.account.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

class NotificationMailerTest {

    private static final Instant NOW = Instant.parse("2026-12-01T18:00:00Z");

    private final JavaMailSender sender = mock(JavaMailSender.class);
    private final NotificationMailer mailer = new NotificationMailer(sender, new NotificationProperties("Practice",
            "no-reply@practice.test", URI.create("https://portal.test"), ZoneId.of("UTC"), "en",
            "a-secret-of-more-than-thirty-two-bytes!", Duration.ofSeconds(2), 2, Duration.ofSeconds(30),
            Duration.ofMinutes(30), Duration.ofDays(1), Duration.ofMinutes(2), Duration.ofSeconds(15), 4),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final Notification reminder = new Notification(UUID.randomUUID(), "due:" + UUID.randomUUID() + ":1",
            NotificationKind.HOMEWORK_DUE, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), NOW.plusSeconds(3600),
            1, NOW, Notification.Status.PENDING, 0, NOW);
    private final NotificationTemplates.Rendered rendered = new NotificationTemplates.Rendered("Reminder", "text", "<p>html</p>");

    @Test
    void everyCopyOfOneReminderCarriesTheSameMessageIdAndReminderKey() throws MessagingException {
        mailer.send(reminder, "client@example.org", rendered, "https://portal.test/unsubscribe");
        mailer.send(reminder, "client@example.org", rendered, "https://portal.test/unsubscribe");

        ArgumentCaptor<MimeMessage> sent = ArgumentCaptor.forClass(MimeMessage.class);
        verify(sender, times(2)).send(sent.capture());
        for (MimeMessage message : sent.getAllValues()) {
            message.saveChanges();
            assertThat(message.getHeader("Message-ID", null)).isEqualTo(mailer.messageId(reminder.id()));
            assertThat(message.getHeader(NotificationMailer.KEY_HEADER, null)).isEqualTo(reminder.reminderKey());
            assertThat(message.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        }
    }

    @Test
    void aFailedQuitAfterTheServerAcceptedTheMessageIsNotAFailedSend() {
        doThrow(new MailSendException("Failed to close server connection after message sending",
                new MessagingException("connection reset"))).when(sender).send(any(MimeMessage.class));

        mailer.send(reminder, "client@example.org", rendered, null);
    }

    @Test
    void aMessageTheServerDidNotAcceptIsAFailedSend() {
        MailSendException refused = new MailSendException("Mail server connection failed",
                new MessagingException("connection refused"), Map.of(new Object(), new MessagingException("refused")));
        doThrow(refused).when(sender).send(any(MimeMessage.class));

        assertThatThrownBy(() -> mailer.send(reminder, "client@example.org", rendered, null)).isSameAs(refused);
        assertThat(refused.getFailedMessages()).hasSize(1);
    }
}
