package org.securebase.account.notification;

import java.time.Clock;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * db-scheduler over the service's own database: every instance polls {@code scheduled_tasks}, and an execution is
 * picked by one instance only (an optimistic update of its row), so two instances never send one notification twice.
 * Its connection joins the caller's transaction, so planning a notification is atomic with the event that caused it.
 * Time is the service's {@link Clock}: a test that moves the clock moves the schedule.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationScheduling {

    @Bean
    OneTimeTask<Void> notificationTask(NotificationDelivery delivery, NotificationProperties properties, Clock clock) {
        return NotificationTask.create(delivery, properties, clock);
    }

    @Bean
    Scheduler notificationScheduler(DataSource dataSource, OneTimeTask<Void> notificationTask,
                                    NotificationProperties properties, Clock clock) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), notificationTask)
                .clock(clock::instant)
                .schedulerName(new SchedulerName.Hostname())
                .threads(properties.threads())
                .pollingInterval(properties.pollInterval())
                .enableImmediateExecution()
                .commitWhenAutocommitDisabled(false)
                .build();
    }

    /** Starts polling once the application is up and stops it (waiting for sends under way) before the pool closes. */
    @Bean
    SmartLifecycle notificationSchedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
