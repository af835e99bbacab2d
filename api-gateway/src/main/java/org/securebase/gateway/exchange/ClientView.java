package org.securebase.gateway.exchange;

/**
 * The client as the gateway determined it once, at the door: its address, and the scheme, host and port it
 * used to reach the public origin. Without trusted proxies these come from the TCP connection and the request
 * line; behind a trusted TLS-terminating proxy, from that proxy's {@code X-Forwarded-*} headers.
 *
 * @param address an IP literal, or {@code null} when the connection has no address (tests, unix sockets)
 * @param scheme  {@code http} or {@code https}
 * @param host    what the client put in {@code Host} (may include a port), or {@code null}
 * @param port    the public port
 */
public record ClientView(String address, String scheme, String host, int port) {

    public boolean isHttps() {
        return "https".equals(scheme);
    }
}
