package org.securebase.account.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * The db-scheduler task that sends one notification: its instance id is the notification's id, and it carries no data
 * (what to send is in the {@code notification} row). A failed send is retried with a doubling wait
 * ({@code retry-initial} up to {@code retry-max}) until {@code give-up-after} past its send time, then given up.
 * An execution whose instance died mid-send is picked up again by the others (db-scheduler's dead-execution
 * revival), and finds the row already sent if the mail went out.
 */
final class NotificationTask {

    private NotificationTask() {
    }

    static TaskInstance<Void> instance(UUID notificationId) {
        return new TaskInstance<>(Notifications.TASK, notificationId.toString());
    }

    static OneTimeTask<Void> create(NotificationDelivery delivery, NotificationProperties properties, Clock clock) {
        return Tasks.oneTime(Notifications.TASK)
                .onFailure(new Backoff(delivery, properties, clock))
                .onDeadExecutionRevive()
                .execute((instance, context) -> delivery.deliver(UUID.fromString(instance.getId())));
    }

    /** Doubling waits, then giving up: the row is marked failed with a metric and a log line naming its id. */
    static final class Backoff implements FailureHandler<Void> {

        private final NotificationDelivery delivery;
        private final NotificationProperties properties;
        private final Clock clock;

        Backoff(NotificationDelivery delivery, NotificationProperties properties, Clock clock) {
            this.delivery = delivery;
            this.properties = properties;
            this.clock = clock;
        }

        @Override
        public void onFailure(ExecutionComplete complete, ExecutionOperations<Void> operations) {
            UUID id = UUID.fromString(complete.getExecution().taskInstance.getId());
            Instant now = clock.instant();
            int failures = delivery.recordFailedAttempt(id);
            if (delivery.givenUp(id, now, properties.giveUpAfter(), complete.getCause().orElse(null))) {
                operations.remove();
                return;
            }
            operations.reschedule(complete, now.plus(wait(failures, properties.retryInitial(), properties.retryMax())));
        }

        static Duration wait(int failures, Duration initial, Duration max) {
            Duration wait = initial;
            for (int i = 1; i < failures && wait.compareTo(max) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(max) > 0 ? max : wait;
        }
    }
}
