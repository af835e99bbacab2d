package org.securebase.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP backend for the gateway's integration tests (the JDK's server): it records every request it
 * handled completely - method, path, headers, body - and answers with a small JSON naming itself and the path.
 * Paths can be made to hang until the backend is closed, to play a stuck service.
 */
public final class RecordingBackend implements AutoCloseable {

    /** One request as the backend saw it. Header names are as the JDK server normalises them. */
    public record Seen(String method, String rawPath, Headers headers, byte[] body) {

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.getFirst(name));
        }

        public List<String> headers(String name) {
            List<String> values = headers.get(name);
            return values == null ? List.of() : values;
        }
    }

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Seen> received = new CopyOnWriteArrayList<>();
    private final Map<String, String> extraResponseHeaders = new ConcurrentHashMap<>();
    private final Map<String, Boolean> hangingPaths = new ConcurrentHashMap<>();
    private final AtomicInteger hangingNow = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);

    private RecordingBackend(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static RecordingBackend start(String name) {
        return new RecordingBackend(name);
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Every response of this backend carries this header (e.g. the portal's own CSP). */
    public RecordingBackend withResponseHeader(String header, String value) {
        extraResponseHeaders.put(header, value);
        return this;
    }

    /** Requests to exactly this path are recorded, then never answered (until {@link #close()}). */
    public RecordingBackend hangOn(String rawPath) {
        hangingPaths.put(rawPath, Boolean.TRUE);
        return this;
    }

    public List<Seen> received() {
        return List.copyOf(received);
    }

    /** The requests that carried this {@code X-Request-Id}. */
    public List<Seen> receivedWithRequestId(String requestId) {
        return received.stream().filter(seen -> requestId.equals(seen.header("X-Request-Id").orElse(null))).toList();
    }

    public long countPath(String rawPath) {
        return received.stream().filter(seen -> seen.rawPath().equals(rawPath)).count();
    }

    public int hangingNow() {
        return hangingNow.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            } catch (IOException truncated) {
                // The request never arrived whole (the gateway cut it off): it is not "received".
                return;
            }
            String rawPath = exchange.getRequestURI().getRawPath();
            received.add(new Seen(exchange.getRequestMethod(), rawPath, exchange.getRequestHeaders(), body));
            if (hangingPaths.containsKey(rawPath)) {
                hangingNow.incrementAndGet();
                try {
                    released.await(5, TimeUnit.MINUTES);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                } finally {
                    hangingNow.decrementAndGet();
                }
                return;
            }
            byte[] answer = ("{\"backend\":\"" + name + "\",\"path\":\"" + rawPath + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            extraResponseHeaders.forEach((header, value) -> exchange.getResponseHeaders().set(header, value));
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
