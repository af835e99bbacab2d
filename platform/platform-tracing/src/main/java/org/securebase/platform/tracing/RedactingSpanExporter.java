package org.securebase.platform.tracing;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * The last gate before a span leaves the process. Span names and attributes come from instrumentation we do not
 * write (Spring MVC, WebFlux, the HTTP clients, Spring Kafka), and two of its habits could carry what a person wrote:
 * an exception's message (a JSON parse error quotes the body it choked on; a constraint violation quotes the value),
 * and a URL's query string (a search term). So every exporter is wrapped in this one, which keeps an exception's
 * type and drops its message and stack trace, drops a status description, replaces the {@code error} tag's text, and
 * cuts the query string off every attribute whose value is a URL or a path. Paths carry ids only, never text, by the APIs' design.
 */
public final class RedactingSpanExporter implements SpanExporter {

    static final Set<String> DROPPED = Set.of("exception.message", "exception.stacktrace", "url.query", "http.query");
    static final String ERROR_TAG = "error";

    private final SpanExporter delegate;

    public RedactingSpanExporter(SpanExporter delegate) {
        this.delegate = delegate;
    }

    SpanExporter delegate() {
        return delegate;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return delegate.export(spans.stream().map(RedactingSpanExporter::redact).toList());
    }

    @Override
    public CompletableResultCode flush() {
        return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return delegate.shutdown();
    }

    @Override
    public void close() {
        delegate.close();
    }

    static SpanData redact(SpanData span) {
        Attributes attributes = redact(span.getAttributes());
        List<EventData> events = span.getEvents().stream()
                .map(event -> EventData.create(event.getEpochNanos(), event.getName(), redact(event.getAttributes()),
                        event.getTotalAttributeCount()))
                .toList();
        StatusData status = StatusData.create(span.getStatus().getStatusCode(), "");
        return new DelegatingSpanData(span) {
            @Override
            public Attributes getAttributes() {
                return attributes;
            }

            @Override
            public List<EventData> getEvents() {
                return events;
            }

            @Override
            public StatusData getStatus() {
                return status;
            }
        };
    }

    @SuppressWarnings("unchecked")
    static Attributes redact(Attributes attributes) {
        AttributesBuilder kept = Attributes.builder();
        attributes.forEach((key, value) -> {
            String name = key.getKey();
            if (DROPPED.contains(name)) {
                return;
            }
            if (name.equals(ERROR_TAG)) {
                kept.put(name, "true");
            } else if (value instanceof String text && looksLikeUrl(text)) {
                // whatever the instrumentation calls the key: http.url, url.full, http.uri (the gateway's), uri...
                kept.put(name, withoutQuery(text));
            } else {
                kept.put((AttributeKey<Object>) key, value);
            }
        });
        return kept.build();
    }

    static boolean looksLikeUrl(String value) {
        return value.startsWith("/") || value.contains("://");
    }

    static String withoutQuery(String url) {
        int cut = url.length();
        int query = url.indexOf('?');
        int fragment = url.indexOf('#');
        if (query >= 0) {
            cut = query;
        }
        if (fragment >= 0 && fragment < cut) {
            cut = fragment;
        }
        return url.substring(0, cut);
    }
}
