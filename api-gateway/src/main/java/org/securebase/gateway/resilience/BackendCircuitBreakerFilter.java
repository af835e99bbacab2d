package org.securebase.gateway.resilience;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import reactor.core.publisher.Mono;

import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Runs every routed call inside the circuit breaker (and semaphore bulkhead) named after its route, configured
 * under {@code resilience4j.circuitbreaker.*} and {@code resilience4j.bulkhead.*}. A global filter rather
 * than the gateway's {@code CircuitBreaker} route filter so that no route can be added without one, and so
 * that only upstream failures count: a client's oversized body or a refused token must not open the circuit
 * for everyone. Runs after the edge checks, so rejected requests never take a bulkhead permit.
 */
@Component
class BackendCircuitBreakerFilter implements GlobalFilter, Ordered {

    static final int ORDER = 40;

    private final ReactiveCircuitBreakerFactory<?, ?> circuitBreakers;
    private final Map<String, ReactiveCircuitBreaker> byRoute = new ConcurrentHashMap<>();

    BackendCircuitBreakerFilter(ReactiveCircuitBreakerFactory<?, ?> circuitBreakers) {
        this.circuitBreakers = circuitBreakers;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null) {
            return chain.filter(exchange);
        }
        ReactiveCircuitBreaker breaker = byRoute.computeIfAbsent(route.getId(), circuitBreakers::create);
        // Errors that are not the backend's fault pass the breaker as successes and are raised again after it.
        AtomicReference<Throwable> notUpstream = new AtomicReference<>();
        Mono<Void> call = chain.filter(exchange)
                .onErrorResume(error -> !UpstreamFailure.isUpstreamFailure(error), error -> {
                    notUpstream.set(error);
                    return Mono.empty();
                });
        return breaker.run(call).then(Mono.defer(() -> {
            Throwable error = notUpstream.get();
            return error == null ? Mono.empty() : Mono.error(error);
        }));
    }
}
