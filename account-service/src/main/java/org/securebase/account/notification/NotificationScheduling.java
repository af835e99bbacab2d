package org.securebase.account.notification;

import java.time.Clock;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
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

    /**
     * Plans and re-plans executions; its connection is the caller's transaction's (never committed by it), so a
     * notification row and its execution are written together or not at all.
     */
    @Bean
    SchedulerClient notificationSchedulerClient(DataSource dataSource, OneTimeTask<Void> notificationTask) {
        return SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), notificationTask).build();
    }

    @Bean
    NotificationScheduler notificationSchedulerLifecycle(DataSource dataSource, OneTimeTask<Void> notificationTask,
                                                         NotificationProperties properties, Clock clock) {
        return new NotificationScheduler(dataSource, notificationTask, properties, clock);
    }
}
