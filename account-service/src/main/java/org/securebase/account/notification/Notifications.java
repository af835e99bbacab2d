package org.securebase.account.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

import org.securebase.account.account.AccountSnapshot;
import org.securebase.account.account.Accounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Plans, re-plans and cancels notifications, and keeps preferences. Every plan is a {@code notification} row and a
 * db-scheduler execution of the same id, written in the caller's transaction (the scheduler's connection joins it),
 * so an event's notifications exist exactly when the event is recorded as processed.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    static final String TASK = "notification";
    /** The key prefix of a "due" reminder at the time the client chose in their plan. */
    private static final String CHOSEN_DUE = "chosen-due";
    private static final EnumSet<NotificationKind> REMINDERS = EnumSet.of(NotificationKind.HOMEWORK_DUE,
            NotificationKind.HOMEWORK_OVERDUE);

    private final NotificationRepository repository;
    private final PreferencesStore preferences;
    private final SchedulerClient scheduler;
    private final NotificationScheduler polling;
    private final Accounts accounts;
    private final NotificationProperties properties;
    private final NotificationMetrics metrics;
    private final Clock clock;

    Notifications(NotificationRepository repository, PreferencesStore preferences, SchedulerClient scheduler,
                  NotificationScheduler polling, Accounts accounts, NotificationProperties properties,
                  NotificationMetrics metrics, Clock clock) {
        this.repository = repository;
        this.preferences = preferences;
        this.scheduler = scheduler;
        this.polling = polling;
        this.accounts = accounts;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** A person's preferences, or the practice's defaults when they never chose. */
    public NotificationPreferences preferencesOf(UUID accountId) {
        return preferences.of(accountId);
    }

    /** Saves a person's preferences and moves their pending reminders to the times these give. */
    @Transactional
    public void savePreferences(UUID accountId, NotificationPreferences preferences) {
        repository.savePreferences(accountId, preferences, clock.instant());
        for (Notification due : repository.pendingFor(accountId, NotificationKind.HOMEWORK_DUE)) {
            if (chosenByClient(due)) {
                continue; // the time the client named in their plan, not one their settings give
            }
            Optional<Instant> at = preferences.dueReminderAt(due.dueAt());
            if (at.isEmpty()) {
                cancel(due, "no reminder time before the due time");
            } else {
                move(due, at.get());
            }
        }
        for (Notification overdue : repository.pendingFor(accountId, NotificationKind.HOMEWORK_OVERDUE)) {
            move(overdue, preferences.overdueAt(overdue.dueAt()));
        }
    }

    @Transactional
    public void switchOff(UUID accountId, NotificationKind kind) {
        savePreferences(accountId, preferencesOf(accountId).without(kind));
    }

    /** New homework for a client: tell them now, remind them before it is due, and once when it is overdue. */
    @Transactional
    public void homeworkAssigned(UUID assignmentId, UUID clientId, UUID therapistId, Instant dueAt) {
        if (!known(clientId)) {
            return;
        }
        Instant now = clock.instant();
        plan("new-homework:" + assignmentId, NotificationKind.NEW_HOMEWORK, clientId, therapistId, assignmentId, dueAt, now);
        if (dueAt != null) {
            planReminders(assignmentId, clientId, therapistId, dueAt);
        }
    }

    /**
     * The due time moved: the reminders for the old one are cancelled, new ones planned. A reminder time the client
     * chose in their plan is kept while it is still ahead and before the new due time (journal-service keeps it in the
     * plan by the same rule); otherwise their usual reminder time applies. {@code eventId} makes the new plans' keys
     * new even when the due time moves back to one it had before.
     */
    @Transactional
    public void dueTimeChanged(UUID assignmentId, UUID clientId, UUID therapistId, Instant dueAt, UUID eventId) {
        List<Notification> pending = repository.pendingAbout(assignmentId, REMINDERS);
        Optional<Instant> chosen = pending.stream().filter(Notifications::chosenByClient).map(Notification::sendAt)
                .filter(at -> stillAheadOf(at, dueAt)).findFirst();
        pending.forEach(n -> cancel(n, "due time changed"));
        if (!known(clientId)) {
            return;
        }
        String suffix = keySuffix(assignmentId, dueAt) + ":" + eventId;
        chosen.ifPresentOrElse(
                at -> plan(CHOSEN_DUE + suffix, NotificationKind.HOMEWORK_DUE, clientId, therapistId, assignmentId, dueAt, at),
                () -> planDueReminder("due" + suffix, assignmentId, clientId, therapistId, dueAt));
        plan("overdue" + suffix, NotificationKind.HOMEWORK_OVERDUE, clientId, therapistId, assignmentId, dueAt,
                preferencesOf(clientId).overdueAt(dueAt));
    }

    /**
     * The client named, in their plan, when they want to be reminded of this homework (or took that time back): the
     * "due" reminder goes out then instead of at their usual reminder time. The time is theirs, so it is kept as chosen,
     * quiet hours or not; switching reminders off still stops it (checked when it is sent). The overdue notice stays.
     */
    @Transactional
    public void reminderTimeChosen(UUID assignmentId, UUID clientId, UUID therapistId, Instant dueAt, Instant remindAt,
                                   UUID eventId) {
        repository.pendingAbout(assignmentId, EnumSet.of(NotificationKind.HOMEWORK_DUE))
                .forEach(n -> cancel(n, "the client chose the reminder time"));
        if (!known(clientId)) {
            return;
        }
        String suffix = keySuffix(assignmentId, dueAt) + ":" + eventId;
        if (remindAt == null) {
            planDueReminder("due" + suffix, assignmentId, clientId, therapistId, dueAt);
        } else if (stillAheadOf(remindAt, dueAt)) {
            plan(CHOSEN_DUE + suffix, NotificationKind.HOMEWORK_DUE, clientId, therapistId, assignmentId, dueAt, remindAt);
        }
    }

    /** Handed in: no more reminders; the therapist hears of it now or in their next digest. */
    @Transactional
    public void homeworkHandedIn(UUID assignmentId, UUID clientId, UUID therapistId) {
        repository.pendingAbout(assignmentId, REMINDERS).forEach(n -> cancel(n, "handed in"));
        if (!known(therapistId)) {
            return;
        }
        NotificationPreferences therapist = preferencesOf(therapistId);
        Instant now = clock.instant();
        if (!therapist.handedInDigest()) {
            plan("handed-in:" + assignmentId, NotificationKind.HOMEWORK_HANDED_IN, therapistId, clientId, assignmentId,
                    null, now);
            return;
        }
        Instant digestAt = therapist.nextDigestAt(now);
        String key = "digest:" + therapistId + ":" + digestAt.getEpochSecond();
        if (!repository.addToPendingDigest(key)) {
            plan(key, NotificationKind.HANDED_IN_DIGEST, therapistId, null, null, null, digestAt);
        }
    }

    /**
     * Feedback on a handed-in homework: one mail, a little later, for all the feedback given on it meanwhile (a
     * therapist reviewing four answers writes four pieces of feedback).
     */
    @Transactional
    public void feedbackGiven(UUID feedbackId, UUID assignmentId, UUID clientId, UUID therapistId) {
        if (!known(clientId) || repository.pendingExists(NotificationKind.NEW_FEEDBACK, assignmentId)) {
            return;
        }
        plan("feedback:" + feedbackId, NotificationKind.NEW_FEEDBACK, clientId, therapistId, assignmentId, null,
                clock.instant().plus(properties.feedbackDelay()));
    }

    @Transactional
    public void questionnaireDue(UUID instanceId, UUID clientId, UUID therapistId) {
        if (known(clientId)) {
            plan("questionnaire:" + instanceId, NotificationKind.QUESTIONNAIRE_DUE, clientId, therapistId, instanceId,
                    null, clock.instant());
        }
    }

    @Transactional
    public void questionnaireNeedsAttention(UUID instanceId, UUID clientId, UUID therapistId) {
        if (known(therapistId)) {
            plan("attention:" + instanceId, NotificationKind.QUESTIONNAIRE_ATTENTION, therapistId, clientId, instanceId,
                    null, clock.instant());
        }
    }

    /** A deactivated person gets nothing more; the send-time check would stop it too, this ends it at once. */
    @EventListener
    void on(Accounts.Deactivated deactivated) {
        for (NotificationKind kind : NotificationKind.values()) {
            repository.pendingFor(deactivated.accountId(), kind).forEach(n -> cancel(n, "recipient deactivated"));
        }
    }

    private void planReminders(UUID assignmentId, UUID clientId, UUID therapistId, Instant dueAt) {
        String due = keySuffix(assignmentId, dueAt);
        planDueReminder("due" + due, assignmentId, clientId, therapistId, dueAt);
        plan("overdue" + due, NotificationKind.HOMEWORK_OVERDUE, clientId, therapistId, assignmentId, dueAt,
                preferencesOf(clientId).overdueAt(dueAt));
    }

    /** The "due" reminder at the client's usual time, unless that time has already passed. */
    private void planDueReminder(String key, UUID assignmentId, UUID clientId, UUID therapistId, Instant dueAt) {
        Instant now = clock.instant();
        // A reminder whose time has already passed is not sent late: the "new homework" mail names the due time.
        preferencesOf(clientId).dueReminderAt(dueAt).filter(at -> at.isAfter(now)).ifPresent(at ->
                plan(key, NotificationKind.HOMEWORK_DUE, clientId, therapistId, assignmentId, dueAt, at));
    }

    /** The part of a reminder's key that names the homework and its due time. */
    private static String keySuffix(UUID assignmentId, Instant dueAt) {
        return ":" + assignmentId + ":" + dueAt.toEpochMilli();
    }

    /** Whether a reminder at {@code at} can still be sent: after now and before the homework is due. */
    private boolean stillAheadOf(Instant at, Instant dueAt) {
        return at.isAfter(clock.instant()) && at.isBefore(dueAt);
    }

    /** Whether this reminder's time is one the client chose in their plan (its key says so). */
    private static boolean chosenByClient(Notification notification) {
        return notification.reminderKey().startsWith(CHOSEN_DUE + ":");
    }

    private boolean known(UUID accountId) {
        Optional<AccountSnapshot> account = accounts.find(accountId);
        if (account.isEmpty()) {
            log.warn("No account {}: nothing to notify", accountId);
        }
        return account.isPresent();
    }

    private void plan(String key, NotificationKind kind, UUID recipient, UUID counterpart, UUID subject, Instant dueAt,
                      Instant sendAt) {
        Notification notification = new Notification(UUID.randomUUID(), key, kind, recipient, counterpart, subject, dueAt,
                1, sendAt, Notification.Status.PENDING, 0, clock.instant());
        if (repository.insertIfNew(notification)) {
            scheduler.schedule(NotificationTask.instance(notification.id()), sendAt);
            metrics.planned(kind);
            if (!sendAt.isAfter(clock.instant())) {
                sendSoonAfterCommit();
            }
        }
    }

    /** A mail due now goes out as soon as its plan is committed, not at the next poll (up to poll-interval later). */
    private void sendSoonAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    polling.checkNow();
                }
            });
        } else {
            polling.checkNow();
        }
    }

    private void move(Notification notification, Instant sendAt) {
        if (!sendAt.equals(notification.sendAt())) {
            repository.reschedule(notification.id(), sendAt);
            scheduler.reschedule(taskId(notification.id()), sendAt);
        }
    }

    /** Marks it cancelled; the scheduled execution then finds nothing to send (and is not raced for its row). */
    private void cancel(Notification notification, String reason) {
        if (repository.finish(notification.id(), Notification.Status.CANCELLED, reason, null, clock.instant())) {
            metrics.cancelled(notification.kind());
        }
    }

    private static TaskInstanceId taskId(UUID id) {
        return TaskInstanceId.of(TASK, id.toString());
    }

    List<Notification> pendingAbout(UUID subjectId) {
        return repository.pendingAbout(subjectId, EnumSet.allOf(NotificationKind.class));
    }
}
