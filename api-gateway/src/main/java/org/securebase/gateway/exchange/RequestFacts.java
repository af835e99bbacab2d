package org.securebase.gateway.exchange;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.web.server.ServerWebExchange;

/**
 * Exchange attributes the gateway's features share. Attributes rather than request headers, so nothing a
 * client sends can pose as one of them.
 */
public final class RequestFacts {

    /** The request id chosen at the edge (a safe client value or a fresh one). */
    public static final String REQUEST_ID = RequestFacts.class.getName() + ".requestId";
    /** The {@code sub} of a token the edge check accepted; absent for every other request. */
    public static final String SUBJECT = RequestFacts.class.getName() + ".subject";
    /** The {@link ClientView} decided at the door. */
    public static final String CLIENT = RequestFacts.class.getName() + ".client";
    /** Present when the gateway wrote the response itself (problem+json), not a backend. */
    public static final String GATEWAY_RESPONSE = RequestFacts.class.getName() + ".gatewayResponse";

    private RequestFacts() {
    }

    public static Optional<String> requestId(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(REQUEST_ID));
    }

    public static Optional<String> subject(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(SUBJECT));
    }

    public static Optional<ClientView> client(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(CLIENT));
    }

    public static boolean isGatewayResponse(ServerWebExchange exchange) {
        return exchange.getAttributes().containsKey(GATEWAY_RESPONSE);
    }

    /**
     * The client's address as a rate-limit key: the IPv4 address, or the /64 prefix of an IPv6 address (one
     * subscriber usually holds a whole /64, so keying by full address would let a client multiply its budget).
     * Taken from the {@link ClientView}: the TCP peer, unless that peer is a configured trusted proxy.
     */
    public static String clientAddressKey(ServerWebExchange exchange) {
        Optional<InetAddress> viewed = client(exchange).map(ClientView::address).flatMap(RequestFacts::literal);
        if (viewed.isPresent()) {
            return addressKey(viewed.get());
        }
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return "unknown";
        }
        return addressKey(remote.getAddress());
    }

    /** Parses an IP literal without ever asking DNS; anything else is empty. */
    public static Optional<InetAddress> literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 45 || !text.matches("[0-9A-Fa-f:.]+")
                || !(text.contains(":") || text.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (java.net.UnknownHostException notALiteral) {
            return Optional.empty();
        }
    }

    static String addressKey(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return address.getHostAddress();
        }
        return "v6:" + HexFormat.of().formatHex(bytes, 0, 8) + "/64";
    }
}
