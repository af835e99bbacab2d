package org.securebase.gateway.headers;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.server.reactive.SslInfo;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHeadersFilterTest {

    @Test
    void hstsOnlyOverHttps() {
        MockServerWebExchange plain = MockServerWebExchange.from(MockServerHttpRequest.get("http://localhost/"));
        SecurityHeadersFilter.apply(plain);
        assertThat(plain.getResponse().getHeaders().containsHeader(SecurityHeadersFilter.HSTS)).isFalse();

        SslInfo ssl = new SslInfo() {
            @Override
            public String getSessionId() {
                return "s";
            }

            @Override
            public java.security.cert.X509Certificate[] getPeerCertificates() {
                return null;
            }
        };
        MockServerWebExchange secure = MockServerWebExchange.from(MockServerHttpRequest.get("https://localhost/").sslInfo(ssl));
        SecurityHeadersFilter.apply(secure);
        assertThat(secure.getResponse().getHeaders().getFirst(SecurityHeadersFilter.HSTS))
                .isEqualTo(SecurityHeadersFilter.HSTS_VALUE);
    }

    @Test
    void anUnknownOrMissingPolicyIsTheStrictOne() {
        assertThat(SecurityHeadersFilter.policyOf(exchangeOn(Map.of()))).isEqualTo(SecurityHeadersFilter.Policy.API);
        assertThat(SecurityHeadersFilter.policyOf(exchangeOn(Map.of("response-headers", "nonsense"))))
                .isEqualTo(SecurityHeadersFilter.Policy.API);
        assertThat(SecurityHeadersFilter.policyOf(exchangeOn(Map.of("response-headers", "Portal"))))
                .isEqualTo(SecurityHeadersFilter.Policy.PORTAL);
    }

    @Test
    void backendValuesAreKeptExceptContentTypeSniffing() {
        MockServerWebExchange exchange = exchangeOn(Map.of());
        exchange.getResponse().getHeaders().set("Content-Security-Policy", "default-src 'self'");
        exchange.getResponse().getHeaders().set("X-Content-Type-Options", "whatever");
        exchange.getResponse().getHeaders().set("Cache-Control", "private, max-age=60");
        SecurityHeadersFilter.apply(exchange);
        assertThat(exchange.getResponse().getHeaders().getFirst("Content-Security-Policy")).isEqualTo("default-src 'self'");
        assertThat(exchange.getResponse().getHeaders().getFirst("Cache-Control")).isEqualTo("private, max-age=60");
        assertThat(exchange.getResponse().getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    private static MockServerWebExchange exchangeOn(Map<String, Object> metadata) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("http://localhost/"));
        Route route = Route.async().id("r").uri("http://localhost:1").predicate(e -> true).metadata(metadata).build();
        exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR, route);
        return exchange;
    }
}
