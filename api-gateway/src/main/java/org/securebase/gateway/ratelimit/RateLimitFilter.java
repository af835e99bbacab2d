package org.securebase.gateway.ratelimit;

import org.securebase.gateway.exchange.RequestFacts;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Counts every routed request: after the edge token check (order 10), which is what makes the user key
 * trustworthy - an unverified {@code sub} would let anyone spend someone else's budget.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

    static final int ORDER = 20;

    private final RateLimits limits;

    RateLimitFilter(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        RateLimits.Verdict verdict = RequestFacts.subject(exchange)
                .map(subject -> limits.checkUser(exchange, subject))
                .orElseGet(() -> limits.checkAnonymous(exchange));
        return verdict.allowed() ? chain.filter(exchange) : limits.refuse(exchange, verdict);
    }
}
