package org.securebase.account.notification;

import java.time.Clock;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * The polling db-scheduler: starts once the application is up and stops (waiting for sends under way) before the
 * pool closes. A stopped db-scheduler cannot start again (its executors are shut down), and a context can be stopped
 * and started again (a paused test context is), so every start builds a fresh scheduler.
 */
final class NotificationScheduler implements SmartLifecycle {

    private final DataSource dataSource;
    private final OneTimeTask<Void> task;
    private final NotificationProperties properties;
    private final Clock clock;
    private volatile Scheduler running;

    NotificationScheduler(DataSource dataSource, OneTimeTask<Void> task, NotificationProperties properties, Clock clock) {
        this.dataSource = dataSource;
        this.task = task;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Looks for due executions now rather than at the next poll: for a mail due at once, planned by a transaction that
     * has just committed. Only this instance looks; the others keep their polls.
     */
    void checkNow() {
        Scheduler scheduler = running;
        if (scheduler != null) {
            scheduler.triggerCheckForDueExecutions();
        }
    }

    @Override
    public synchronized void start() {
        if (running == null) {
            Scheduler scheduler = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), task)
                    .clock(clock::instant)
                    .schedulerName(new SchedulerName.Fixed(instanceName()))
                    .threads(properties.threads())
                    .pollingInterval(properties.pollInterval())
                    .heartbeatInterval(properties.heartbeatInterval())
                    .missedHeartbeatsLimit(properties.missedHeartbeats())
                    .commitWhenAutocommitDisabled(false)
                    .build();
            scheduler.start();
            running = scheduler;
        }
    }

    /** Which instance picked an execution, as its row says: the host (a pod's name) and the process, unique per JVM. */
    private static String instanceName() {
        return new SchedulerName.Hostname().getName() + "-" + ProcessHandle.current().pid();
    }

    @Override
    public synchronized void stop() {
        if (running != null) {
            running.stop();
            running = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
