package org.securebase.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * An OTLP/HTTP trace receiver (the protocol's {@code POST /v1/traces} with a protobuf {@code ExportTraceServiceRequest},
 * as a collector answers it), for the stack the system tests share: every service exports its spans here. It keeps
 * the newest spans in memory, decoded with the protocol's own generated classes.
 */
public final class TraceReceiver implements AutoCloseable {

    public static final String PATH = "/v1/traces";
    private static final int KEPT_SPANS = 200_000;
    private static final HexFormat HEX = HexFormat.of();

    /** One span as it arrived: ids in hex, the exporting process's {@code service.name}, attributes as text. */
    public record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name,
                               String kind, Map<String, String> attributes, List<String> events) {

        public String attribute(String key) {
            return attributes.get(key);
        }

        /** Everything of the span a reader of the trace sees: name, attribute keys and values, events. */
        public String text() {
            return name + " " + attributes + " " + events;
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedDeque<ReceivedSpan> spans = new ConcurrentLinkedDeque<>();
    private final AtomicInteger kept = new AtomicInteger();
    private final AtomicLong requests = new AtomicLong();

    private TraceReceiver(HttpServer server) {
        this.server = server;
    }

    public static TraceReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TraceReceiver receiver = new TraceReceiver(server);
            server.createContext(PATH, receiver::receive);
            server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "otlp-receiver");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the OTLP receiver", e);
        }
    }

    /** What the services' {@code SECUREBASE_TRACING_ENDPOINT} is set to. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    public long exportRequests() {
        return requests.get();
    }

    public List<ReceivedSpan> spans(Predicate<ReceivedSpan> wanted) {
        return spans.stream().filter(wanted).toList();
    }

    public List<ReceivedSpan> trace(String traceId) {
        return spans(span -> span.traceId().equals(traceId));
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body;
            try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            ExportTraceServiceRequest request;
            try {
                request = ExportTraceServiceRequest.parseFrom(body);
            } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            requests.incrementAndGet();
            for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
                String service = serviceName(resourceSpans.getResource());
                for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                    for (Span span : scopeSpans.getSpansList()) {
                        keep(decode(service, span));
                    }
                }
            }
            // A full success is an empty ExportTraceServiceResponse: zero bytes of protobuf.
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private void keep(ReceivedSpan span) {
        spans.addLast(span);
        if (kept.incrementAndGet() > KEPT_SPANS) {
            spans.pollFirst();
            kept.decrementAndGet();
        }
    }

    private static ReceivedSpan decode(String service, Span span) {
        List<String> events = new ArrayList<>();
        span.getEventsList().forEach(event -> events.add(event.getName() + " " + attributes(event.getAttributesList())));
        return new ReceivedSpan(service, HEX.formatHex(span.getTraceId().toByteArray()),
                HEX.formatHex(span.getSpanId().toByteArray()), HEX.formatHex(span.getParentSpanId().toByteArray()),
                span.getName(), span.getKind().name(), attributes(span.getAttributesList()), List.copyOf(events));
    }

    private static String serviceName(Resource resource) {
        return attributes(resource.getAttributesList()).getOrDefault("service.name", "");
    }

    private static Map<String, String> attributes(List<KeyValue> keyValues) {
        Map<String, String> attributes = new LinkedHashMap<>();
        keyValues.forEach(keyValue -> attributes.put(keyValue.getKey(), text(keyValue.getValue())));
        return attributes;
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case INT_VALUE -> Long.toString(value.getIntValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            case ARRAY_VALUE -> value.getArrayValue().getValuesList().stream().map(TraceReceiver::text).toList().toString();
            case BYTES_VALUE -> HEX.formatHex(value.getBytesValue().toByteArray());
            default -> value.toString();
        };
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
