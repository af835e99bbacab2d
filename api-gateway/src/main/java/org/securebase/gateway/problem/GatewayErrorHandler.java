package org.securebase.gateway.problem;

import java.util.Optional;

import org.securebase.gateway.exchange.RequestLog;
import org.securebase.gateway.resilience.UpstreamFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.client.circuitbreaker.NoFallbackAvailableException;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Turns whatever escapes the filters into problem+json: upstream failures into 502/503/504, other status
 * exceptions into their problem, anything else into a 500. Ordered before Boot's default handler, whose body
 * would quote the exception message - and a connection failure's message names the internal host and port.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final ProblemResponses problems;

    GatewayErrorHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        ProblemKind kind = kindOf(exchange, error);
        return problems.write(exchange, kind);
    }

    private ProblemKind kindOf(ServerWebExchange exchange, Throwable error) {
        Optional<UpstreamFailure> upstream = UpstreamFailure.classify(error);
        if (upstream.isPresent()) {
            ProblemKind kind = switch (upstream.get()) {
                case UNREACHABLE -> ProblemKind.BAD_GATEWAY;
                case UNAVAILABLE -> ProblemKind.SERVICE_UNAVAILABLE;
                case TIMED_OUT -> ProblemKind.GATEWAY_TIMEOUT;
            };
            RequestLog.with(exchange, () -> log.warn("{} {} {} answered {}: {}", routeId(exchange),
                    exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(),
                    kind.status().value(), unwrapped(error).toString()));
            return kind;
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ResponseStatusException status) {
                return forStatus(status.getStatusCode().value());
            }
        }
        RequestLog.with(exchange, () -> log.error("{} {} {} failed in the gateway", routeId(exchange),
                exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(), error));
        return ProblemKind.INTERNAL_ERROR;
    }

    static ProblemKind forStatus(int status) {
        for (ProblemKind kind : ProblemKind.values()) {
            if (kind.status().value() == status && kind != ProblemKind.INVALID_TOKEN) {
                return kind;
            }
        }
        return status >= 500 ? ProblemKind.INTERNAL_ERROR : ProblemKind.BAD_REQUEST;
    }

    // The circuit breaker wraps what it saw in NoFallbackAvailableException; the log wants what happened.
    private static Throwable unwrapped(Throwable error) {
        Throwable cause = error;
        while (cause instanceof NoFallbackAvailableException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String routeId(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route == null ? "-" : route.getId();
    }
}
