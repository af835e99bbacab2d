package org.securebase.gateway.headers;

import org.securebase.gateway.exchange.ClientView;
import org.securebase.gateway.exchange.RequestFacts;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The forwarding headers a backend gets, all set by the gateway from the {@link ClientView} it decided at the
 * door: the client's address, the scheme and port the public origin was reached on, the Host the client asked
 * for. The portal
 * ({@code server.forward-headers-strategy: framework}) and Keycloak ({@code --proxy-headers=xforwarded})
 * build their public URLs from them.
 *
 * <p>Spring Cloud Gateway's own {@code XForwardedHeadersFilter} only runs when
 * {@code spring.cloud.gateway.server.webflux.trusted-proxies} is set, and setting it would also let trusted
 * peers rewrite the client address. The gateway is the edge and trusts no proxy, so that property stays unset
 * (the gateway then removes every inbound {@code X-Forwarded-*} and {@code Forwarded} itself) and this filter,
 * ordered after those removals, writes fresh values. A proxy in front is trusted only through
 * {@code securebase.forwarding.trusted-proxies}.
 *
 * <p>API routes (those with an {@code audience}) also lose the {@code Cookie} header: the APIs take bearer
 * tokens only, and the portal's session cookie has no business in their logs.
 */
@Component
class ForwardingHeadersFilter implements HttpHeadersFilter, Ordered {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";
    static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    static final String X_FORWARDED_HOST = "X-Forwarded-Host";
    static final String X_FORWARDED_PORT = "X-Forwarded-Port";

    @Override
    public int getOrder() {
        // After the gateway's RemoveXForwardedHeadersFilter / RemoveForwardedHeadersFilter (order 0).
        return 100;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = HttpHeaders.copyOf(input);
        for (String name : new java.util.ArrayList<>(headers.headerNames())) {
            if (InboundHeadersFilter.isSpoofable(name)) {
                headers.remove(name);
            }
        }
        ClientView client = RequestFacts.client(exchange).orElseGet(() -> new ClientView(null, "http", null, 80));
        if (client.address() != null) {
            headers.set(X_FORWARDED_FOR, client.address());
        }
        headers.set(X_FORWARDED_PROTO, client.scheme());
        if (client.host() != null && !client.host().isBlank()) {
            headers.set(X_FORWARDED_HOST, client.host());
        }
        headers.set(X_FORWARDED_PORT, Integer.toString(client.port()));
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route != null && route.getMetadata().containsKey("audience")) {
            headers.remove(HttpHeaders.COOKIE);
        }
        return headers;
    }
}
