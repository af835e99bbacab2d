package org.securebase.platform.security;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;

/** Keycloak's certs endpoint for tests: a local HTTP server publishing a key set, or nothing at all. */
final class LocalJwksEndpoint implements AutoCloseable {

    static final String CERTS_PATH = "/auth/realms/securebase/protocol/openid-connect/certs";

    private final HttpServer server;

    private LocalJwksEndpoint(HttpServer server) {
        this.server = server;
    }

    /** Serves the public keys of {@code keys} until {@link #close()}. */
    static LocalJwksEndpoint serving(JWKSet keys) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] jwks = keys.toString().getBytes(StandardCharsets.UTF_8);
            server.createContext(CERTS_PATH, exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.start();
            return new LocalJwksEndpoint(server);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the test JWKS server", e);
        }
    }

    /**
     * Keycloak down: the certs URI on a port nobody listens on (taken from the OS and released
     * again), so fetching the keys fails at once with "connection refused".
     */
    static String unreachableUri() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return uriFor(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not reserve a local port", e);
        }
    }

    String uri() {
        return uriFor(server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static String uriFor(int port) {
        return "http://127.0.0.1:" + port + CERTS_PATH;
    }
}
