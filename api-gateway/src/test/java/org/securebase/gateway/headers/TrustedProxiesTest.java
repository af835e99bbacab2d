package org.securebase.gateway.headers;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.securebase.gateway.exchange.ClientView;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedProxiesTest {

    private final TrustedProxies none = new TrustedProxies(List.of());
    private final TrustedProxies ingress = new TrustedProxies(List.of("10.42.0.0/16", "fd00::/8", "192.0.2.10"));

    @Test
    void withoutTrustedProxiesOnlyTheConnectionCounts() {
        ClientView view = none.resolve(fromPeer("10.42.1.5", "https://evil.example", "198.51.100.1"));
        assertThat(view).isEqualTo(new ClientView("10.42.1.5", "http", "securebase.example.org", 8080));
    }

    @Test
    void behindATrustedProxyItsHeadersTellTheClient() {
        ClientView view = ingress.resolve(fromPeer("10.42.1.5", "https", "203.0.113.9, 198.51.100.1, 10.42.7.7"));
        // 203.0.113.9 was written by the client itself; 10.42.7.7 is another trusted hop.
        assertThat(view).isEqualTo(new ClientView("198.51.100.1", "https", "securebase.example.org", 443));
    }

    @Test
    void anUntrustedPeerCannotPoseAsAProxy() {
        ClientView view = ingress.resolve(fromPeer("198.51.100.77", "https", "10.42.0.1"));
        assertThat(view.address()).isEqualTo("198.51.100.77");
        assertThat(view.scheme()).isEqualTo("http");
    }

    @Test
    void garbageInTheChainFallsBackToThePeer() {
        assertThat(ingress.resolve(fromPeer("10.42.1.5", "ftp", "evil.example, 198.51.100.1")).address())
                .isEqualTo("198.51.100.1");
        ClientView view = ingress.resolve(fromPeer("10.42.1.5", "ftp", "198.51.100.1, not-an-ip"));
        assertThat(view.address()).isEqualTo("10.42.1.5");
        assertThat(view.scheme()).isEqualTo("http");
        assertThat(ingress.resolve(fromPeer("10.42.1.5", "https", "[2001:db8::1]:4711")).address()).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(ingress.resolve(fromPeer("10.42.1.5", "https", "198.51.100.1:4711")).address()).isEqualTo("198.51.100.1");
    }

    @Test
    void blocksAreParsedStrictly() {
        assertThat(ingress.isTrusted(new InetSocketAddress("192.0.2.10", 0).getAddress())).isTrue();
        assertThat(ingress.isTrusted(new InetSocketAddress("192.0.2.11", 0).getAddress())).isFalse();
        assertThat(ingress.isTrusted(new InetSocketAddress("fd12::1", 0).getAddress())).isTrue();
        assertThatThrownBy(() -> new TrustedProxies(List.of("ingress.local"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrustedProxies(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static MockServerHttpRequest fromPeer(String peer, String proto, String forwardedFor) {
        return MockServerHttpRequest.get("http://securebase.example.org:8080/api/content/articles")
                .header("Host", "securebase.example.org")
                .header("X-Forwarded-Proto", proto)
                .header("X-Forwarded-For", forwardedFor)
                .remoteAddress(new InetSocketAddress(peer, 50000)).build();
    }
}
