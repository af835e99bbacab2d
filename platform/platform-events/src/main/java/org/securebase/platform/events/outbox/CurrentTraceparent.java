package org.securebase.platform.events.outbox;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The W3C {@code traceparent} of the span in progress when an event is published, or {@code null} when tracing is
 * off (no tracer bean) or nothing is traced. Kept with the event in the outbox because the event leaves later, on
 * the relay's thread or after a restart, when the request's span is long gone.
 */
final class CurrentTraceparent implements Supplier<String> {

    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;

    CurrentTraceparent(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public String get() {
        Tracer activeTracer = tracer.getIfAvailable();
        Propagator activePropagator = propagator.getIfAvailable();
        if (activeTracer == null || activePropagator == null) {
            return null;
        }
        Span span = activeTracer.currentSpan();
        if (span == null || span.isNoop()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(4);
        activePropagator.inject(span.context(), carrier, Map::put);
        return carrier.get(OutboxEvent.TRACEPARENT_HEADER);
    }
}
