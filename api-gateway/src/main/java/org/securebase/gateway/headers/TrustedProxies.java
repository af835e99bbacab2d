package org.securebase.gateway.headers;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.securebase.gateway.exchange.ClientView;
import org.securebase.gateway.exchange.RequestFacts;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Decides the {@link ClientView} of a request. From an untrusted peer (anyone, by default) nothing in the
 * headers counts. From a trusted proxy: the client is the right-most {@code X-Forwarded-For} entry that is not
 * itself a trusted proxy (entries further left were written by the client and prove nothing), and the last
 * {@code X-Forwarded-Proto/-Host/-Port} values - the ones that proxy wrote - when they are well-formed.
 */
final class TrustedProxies {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]{1,253}(:\\d{1,5})?|\\[[0-9A-Fa-f:.]{2,45}](:\\d{1,5})?");
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");

    private record Block(BigInteger network, BigInteger mask, int length) {

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            return bytes.length == length && new BigInteger(1, bytes).and(mask).equals(network);
        }
    }

    private final List<Block> blocks;

    TrustedProxies(List<String> cidrs) {
        this.blocks = cidrs.stream().map(TrustedProxies::parse).toList();
    }

    ClientView resolve(ServerHttpRequest request) {
        URI uri = request.getURI();
        String scheme = request.getSslInfo() != null ? "https" : (uri.getScheme() == null ? "http" : uri.getScheme());
        String host = request.getHeaders().getFirst(HttpHeaders.HOST);
        int port = uri.getPort() >= 0 ? uri.getPort() : ("https".equals(scheme) ? 443 : 80);
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress peer = remote == null ? null : remote.getAddress();
        String address = peer == null ? null : peer.getHostAddress();
        if (peer == null || !isTrusted(peer)) {
            return new ClientView(address, scheme, host, port);
        }
        HttpHeaders headers = request.getHeaders();
        String client = clientFrom(headers.get("X-Forwarded-For")).orElse(address);
        String forwardedProto = last(headers.get("X-Forwarded-Proto"));
        if ("http".equalsIgnoreCase(forwardedProto) || "https".equalsIgnoreCase(forwardedProto)) {
            scheme = forwardedProto.toLowerCase(java.util.Locale.ROOT);
            port = "https".equals(scheme) ? 443 : 80;
        }
        String forwardedHost = last(headers.get("X-Forwarded-Host"));
        if (forwardedHost != null && HOST.matcher(forwardedHost).matches()) {
            host = forwardedHost;
        }
        String forwardedPort = last(headers.get("X-Forwarded-Port"));
        if (forwardedPort != null && PORT.matcher(forwardedPort).matches() && Integer.parseInt(forwardedPort) <= 65535) {
            port = Integer.parseInt(forwardedPort);
        }
        return new ClientView(client, scheme, host, port);
    }

    boolean isTrusted(InetAddress address) {
        for (Block block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private Optional<String> clientFrom(List<String> forwardedFor) {
        if (forwardedFor == null) {
            return Optional.empty();
        }
        List<String> hops = forwardedFor.stream().flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim).filter(hop -> !hop.isEmpty()).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = RequestFacts.literal(stripPort(hops.get(i)));
            if (hop.isEmpty()) {
                // Garbage in the chain: nothing left of it can be trusted either.
                return Optional.empty();
            }
            if (!isTrusted(hop.get())) {
                return Optional.of(hop.get().getHostAddress());
            }
        }
        return Optional.empty();
    }

    private static String stripPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end > 0 ? hop.substring(1, end) : hop;
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }

    private static String last(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        String joined = values.get(values.size() - 1);
        int comma = joined.lastIndexOf(',');
        return (comma >= 0 ? joined.substring(comma + 1) : joined).trim();
    }

    private static Block parse(String cidr) {
        String text = cidr.trim();
        int slash = text.indexOf('/');
        String base = slash < 0 ? text : text.substring(0, slash);
        InetAddress address = RequestFacts.literal(base).orElseThrow(() -> new IllegalArgumentException(
                "securebase.forwarding.trusted-proxies takes IP addresses or CIDR blocks, not: " + cidr));
        int bits = address.getAddress().length * 8;
        int prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("prefix length out of range in securebase.forwarding.trusted-proxies: " + cidr);
        }
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
        return new Block(new BigInteger(1, address.getAddress()).and(mask), mask, address.getAddress().length);
    }
}
