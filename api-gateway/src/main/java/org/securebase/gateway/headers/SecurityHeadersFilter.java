package org.securebase.gateway.headers;

import java.util.Locale;

import org.securebase.gateway.exchange.ClientView;
import org.securebase.gateway.exchange.RequestFacts;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Security headers on every response, applied just before it is committed so they cover proxied responses
 * and the gateway's own problem responses alike. What a route gets depends on its metadata
 * {@code response-headers}:
 *
 * <ul>
 *   <li>{@code api} (the default, and every response the gateway writes itself): JSON that is never framed or
 *       rendered: {@code Content-Security-Policy: default-src 'none'; frame-ancestors 'none'},
 *       {@code X-Frame-Options: DENY} and {@code Cache-Control: no-store}, each unless the backend set one.</li>
 *   <li>{@code html} (Keycloak): pages with policies of their own; the gateway only fills gaps
 *       ({@code X-Frame-Options: SAMEORIGIN}, {@code frame-ancestors 'self'} when there is no CSP at all). Same
 *       origin, not none: Keycloak's own helper pages (the third-party-cookie check, the login status iframe) are
 *       framed by its account console on this one origin and set no frame policy themselves; any other origin is
 *       still refused.</li>
 *   <li>{@code portal}: the portal sets its own strict CSP and frame policy, which are left alone.</li>
 * </ul>
 *
 * Always: {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: no-referrer} (unless set), and
 * {@code Strict-Transport-Security} when the request came over HTTPS - to the gateway, or to a trusted proxy in
 * front of it (over plain HTTP browsers ignore it, so it would only mislead).
 */
@Component
class SecurityHeadersFilter implements WebFilter, Ordered {

    static final String METADATA_KEY = "response-headers";
    static final String CSP = "Content-Security-Policy";
    static final String X_FRAME_OPTIONS = "X-Frame-Options";
    static final String HSTS = "Strict-Transport-Security";
    static final String HSTS_VALUE = "max-age=31536000; includeSubDomains";
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

    enum Policy { API, HTML, PORTAL }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            apply(exchange);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    static void apply(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        setIfAbsent(headers, "Referrer-Policy", "no-referrer");
        boolean https = exchange.getRequest().getSslInfo() != null
                || RequestFacts.client(exchange).map(ClientView::isHttps).orElse(false);
        if (https) {
            headers.set(HSTS, HSTS_VALUE);
        }
        switch (policyOf(exchange)) {
            case API -> {
                setIfAbsent(headers, CSP, API_CSP);
                setIfAbsent(headers, X_FRAME_OPTIONS, "DENY");
                setIfAbsent(headers, HttpHeaders.CACHE_CONTROL, "no-store");
            }
            case HTML -> {
                setIfAbsent(headers, X_FRAME_OPTIONS, "SAMEORIGIN");
                setIfAbsent(headers, CSP, "frame-ancestors 'self'");
            }
            case PORTAL -> {
                // The portal's own CSP, frame policy and caching rules stand.
            }
        }
    }

    static Policy policyOf(ServerWebExchange exchange) {
        if (RequestFacts.isGatewayResponse(exchange)) {
            return Policy.API;
        }
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        Object configured = route == null ? null : route.getMetadata().get(METADATA_KEY);
        if (configured == null) {
            return Policy.API;
        }
        try {
            return Policy.valueOf(configured.toString().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return Policy.API;
        }
    }

    private static void setIfAbsent(HttpHeaders headers, String name, String value) {
        if (!headers.containsHeader(name)) {
            headers.set(name, value);
        }
    }
}
