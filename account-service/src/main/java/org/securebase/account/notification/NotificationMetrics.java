package org.securebase.account.notification;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * {@code securebase_notifications_total{kind, outcome}} with outcome planned, sent, retried, failed or cancelled, and
 * {@code securebase_notifications_delay_seconds{kind}}: from a notification's send time to the server accepting it.
 */
@Component
class NotificationMetrics {

    private final MeterRegistry registry;

    NotificationMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (NotificationKind kind : NotificationKind.values()) {
            for (String outcome : new String[] {"planned", "sent", "retried", "failed", "cancelled"}) {
                counter(kind, outcome);
            }
        }
    }

    void planned(NotificationKind kind) {
        counter(kind, "planned").increment();
    }

    void sent(NotificationKind kind, Duration late) {
        counter(kind, "sent").increment();
        Timer.builder("securebase.notifications.delay").tag("kind", kind.name()).register(registry)
                .record(late.isNegative() ? Duration.ZERO : late);
    }

    void retried(NotificationKind kind) {
        counter(kind, "retried").increment();
    }

    void failed(NotificationKind kind) {
        counter(kind, "failed").increment();
    }

    void cancelled(NotificationKind kind) {
        counter(kind, "cancelled").increment();
    }

    private Counter counter(NotificationKind kind, String outcome) {
        return Counter.builder("securebase.notifications").tag("kind", kind.name()).tag("outcome", outcome)
                .register(registry);
    }
}
