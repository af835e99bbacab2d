package org.securebase.platform.events.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The consumers' counters, for alerts: {@code securebase.events.dead.lettered} (topic, reason: malformed,
 * unknown-schema-version), {@code securebase.events.rejected} (topic, consumer, reason: an event a projection refused
 * to apply, see {@link EventRejections}) and {@code securebase.events.retried} (topic: a failed attempt that will be
 * retried). Exposed as {@code securebase_events_*_total} on {@code /actuator/prometheus}.
 */
public class EventMetrics {

    private final MeterRegistry registry;

    public EventMetrics(MeterRegistry registry) {
        this.registry = registry == null ? new SimpleMeterRegistry() : registry;
    }

    void deadLettered(String topic, String reason) {
        Counter.builder("securebase.events.dead.lettered").tag("topic", topic).tag("reason", reason)
                .register(registry).increment();
    }

    void rejected(String topic, String consumer, String reason) {
        Counter.builder("securebase.events.rejected").tag("topic", topic).tag("consumer", consumer).tag("reason", reason)
                .register(registry).increment();
    }

    void retried(String topic) {
        Counter.builder("securebase.events.retried").tag("topic", topic).register(registry).increment();
    }
}
