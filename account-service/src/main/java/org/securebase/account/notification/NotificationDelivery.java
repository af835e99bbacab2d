package org.securebase.account.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.securebase.account.account.AccountSnapshot;
import org.securebase.account.account.Accounts;
import org.securebase.account.caseload.Assignment;
import org.securebase.account.caseload.Caseloads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends one due notification, after checking once more that it should go: still pending (not cancelled), the
 * recipient still active, the kind still wanted, and the client and therapist still one caseload. The row stays
 * locked while the mail is handed to the server, so a cancellation waits for it (or it sees the cancellation).
 * Logs name the notification's id and kind, never an address or anything the mail says.
 */
@Component
class NotificationDelivery {

    private static final Logger log = LoggerFactory.getLogger(NotificationDelivery.class);

    private final NotificationRepository repository;
    private final PreferencesStore preferences;
    private final Accounts accounts;
    private final Caseloads caseloads;
    private final NotificationTemplates templates;
    private final NotificationMailer mailer;
    private final UnsubscribeLinks links;
    private final NotificationProperties properties;
    private final NotificationMetrics metrics;
    private final TransactionTemplate transactions;
    private final Clock clock;

    NotificationDelivery(NotificationRepository repository, PreferencesStore preferences, Accounts accounts,
                         Caseloads caseloads, NotificationTemplates templates, NotificationMailer mailer,
                         UnsubscribeLinks links, NotificationProperties properties, NotificationMetrics metrics,
                         TransactionTemplate transactions, Clock clock) {
        this.repository = repository;
        this.preferences = preferences;
        this.accounts = accounts;
        this.caseloads = caseloads;
        this.templates = templates;
        this.mailer = mailer;
        this.links = links;
        this.properties = properties;
        this.metrics = metrics;
        this.transactions = transactions;
        this.clock = clock;
    }

    void deliver(UUID id) {
        transactions.executeWithoutResult(status -> {
            Optional<Notification> found = repository.lock(id);
            if (found.isEmpty() || found.get().status() != Notification.Status.PENDING) {
                return;
            }
            Notification notification = found.get();
            Optional<AccountSnapshot> recipient = accounts.find(notification.recipientId());
            String stop = reasonNotToSend(notification, recipient);
            if (stop != null) {
                repository.finish(id, Notification.Status.CANCELLED, stop, null, clock.instant());
                metrics.cancelled(notification.kind());
                log.info("Notification {} ({}) cancelled: {}", id, notification.kind(), stop);
                return;
            }
            AccountSnapshot person = recipient.orElseThrow();
            NotificationPreferences chosen = preferences.of(person.id());
            String unsubscribe = null;
            String oneClick = null;
            NotificationKind switchedBy = notification.kind().switchedBy();
            if (switchedBy != null) {
                String token = links.token(person.id(), switchedBy);
                unsubscribe = properties.link("/notifications/unsubscribe?token=" + token);
                oneClick = properties.link("/api/accounts/notifications/unsubscribe?token=" + token);
            }
            NotificationTemplates.Rendered mail = templates.render(notification.kind(), chosen, person.firstName(),
                    properties.practiceName(), notification.dueAt(), notification.itemCount(),
                    properties.link(notification.kind().portalPath(notification.subjectId())), unsubscribe,
                    properties.link("/settings/notifications"));
            mailer.send(notification, person.email(), mail, oneClick);
            repository.finish(id, Notification.Status.SENT, null, mailer.messageId(id), clock.instant());
            metrics.sent(notification.kind(), Duration.between(notification.sendAt(), clock.instant()));
            log.info("Notification {} ({}) sent", id, notification.kind());
        });
    }

    private String reasonNotToSend(Notification notification, Optional<AccountSnapshot> recipient) {
        if (recipient.isEmpty() || !recipient.get().isUsable()) {
            return "recipient not active";
        }
        if (!preferences.of(notification.recipientId()).wants(notification.kind())) {
            return "switched off";
        }
        UUID counterpart = notification.counterpartId();
        if (counterpart != null) {
            UUID client = notification.kind().recipientRole() == org.securebase.platform.security.Role.CLIENT
                    ? notification.recipientId() : counterpart;
            UUID therapist = client.equals(notification.recipientId()) ? counterpart : notification.recipientId();
            boolean paired = caseloads.currentOf(client).map(Assignment::therapistId).filter(therapist::equals).isPresent();
            if (!paired) {
                return "caseload ended";
            }
        }
        return null;
    }

    /** Counts a failed attempt; how many there were. */
    int recordFailedAttempt(UUID id) {
        return transactions.execute(status -> {
            repository.recordAttempt(id);
            return repository.find(id).map(Notification::attempts).orElse(0);
        });
    }

    /** Gives up a notification tried for longer than {@code giveUpAfter}; whether it did. */
    boolean givenUp(UUID id, Instant now, Duration giveUpAfter, Throwable cause) {
        Boolean gaveUp = transactions.execute(status -> {
            Optional<Notification> found = repository.find(id);
            if (found.isEmpty() || found.get().status() != Notification.Status.PENDING) {
                return true;
            }
            Notification notification = found.get();
            if (Duration.between(notification.sendAt(), now).compareTo(giveUpAfter) <= 0) {
                metrics.retried(notification.kind());
                log.warn("Notification {} ({}) not sent, attempt {}, retrying: {}", id, notification.kind(),
                        notification.attempts(), cause == null ? "unknown" : cause.getClass().getSimpleName());
                return false;
            }
            repository.finish(id, Notification.Status.FAILED, "gave up after " + notification.attempts() + " attempts",
                    null, now);
            metrics.failed(notification.kind());
            log.error("Notification {} ({}) given up after {} attempts since {}", id, notification.kind(),
                    notification.attempts(), notification.sendAt());
            return true;
        });
        return Boolean.TRUE.equals(gaveUp);
    }
}
