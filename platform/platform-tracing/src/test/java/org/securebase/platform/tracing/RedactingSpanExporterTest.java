package org.securebase.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;

/** Real OpenTelemetry SDK spans, exported through the redaction into a collecting exporter. */
class RedactingSpanExporterTest {

    private static final String WRITTEN = "I felt safe with my sister";

    private final List<SpanData> exported = new ArrayList<>();

    @Test
    void exceptionMessagesStatusTextAndQueryStringsNeverLeave() {
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(new RedactingSpanExporter(collecting()))).build()) {
            Tracer tracer = provider.get("test");
            Span span = tracer.spanBuilder("http put /api/journal/assignments/{id}/answers/{promptId}").startSpan();
            span.setAttribute("http.url", "http://journal:8083/api/journal/assignments/1?q=" + WRITTEN);
            span.setAttribute("url.full", "http://journal:8083/x?text=" + WRITTEN + "#frag");
            span.setAttribute("url.query", "text=" + WRITTEN);
            span.setAttribute("error", "JSON parse error: Unrecognized token '" + WRITTEN + "'");
            span.setAttribute("http.route", "/api/journal/assignments/{id}");
            span.setAttribute(AttributeKey.longKey("http.status_code"), 400L);
            span.recordException(new IllegalArgumentException("cannot read '" + WRITTEN + "'"));
            span.setStatus(StatusCode.ERROR, "cannot read '" + WRITTEN + "'");
            span.end();
        }

        assertThat(exported).hasSize(1);
        SpanData span = exported.get(0);
        assertThat(span.toString()).doesNotContain(WRITTEN).doesNotContain("sister");
        assertThat(span.getAttributes().get(AttributeKey.stringKey("http.url")))
                .isEqualTo("http://journal:8083/api/journal/assignments/1");
        assertThat(span.getAttributes().get(AttributeKey.stringKey("url.full"))).isEqualTo("http://journal:8083/x");
        assertThat(span.getAttributes().get(AttributeKey.stringKey("url.query"))).isNull();
        assertThat(span.getAttributes().get(AttributeKey.stringKey("error"))).isEqualTo("true");
        assertThat(span.getAttributes().get(AttributeKey.stringKey("http.route"))).isEqualTo("/api/journal/assignments/{id}");
        assertThat(span.getAttributes().get(AttributeKey.longKey("http.status_code"))).isEqualTo(400L);
        assertThat(span.getEvents()).singleElement().satisfies(event -> {
            assertThat(event.getName()).isEqualTo("exception");
            assertThat(event.getAttributes().get(AttributeKey.stringKey("exception.type")))
                    .isEqualTo(IllegalArgumentException.class.getName());
            assertThat(event.getAttributes().get(AttributeKey.stringKey("exception.message"))).isNull();
            assertThat(event.getAttributes().get(AttributeKey.stringKey("exception.stacktrace"))).isNull();
        });
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span.getStatus().getDescription()).isEmpty();
        assertThat(span.getName()).isEqualTo("http put /api/journal/assignments/{id}/answers/{promptId}");
        assertThat(span.getTraceId()).hasSize(32);
    }

    @Test
    void aUrlWithoutQueryIsKeptWhole() {
        assertThat(RedactingSpanExporter.withoutQuery("http://a/b/c")).isEqualTo("http://a/b/c");
        assertThat(RedactingSpanExporter.withoutQuery("/b?x=1#y")).isEqualTo("/b");
        assertThat(RedactingSpanExporter.withoutQuery("/b#y?x=1")).isEqualTo("/b");
    }

    private SpanExporter collecting() {
        return new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                exported.addAll(spans);
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
    }
}
