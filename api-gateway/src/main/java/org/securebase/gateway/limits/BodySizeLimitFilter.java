package org.securebase.gateway.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.securebase.gateway.problem.ProblemKind;
import org.securebase.gateway.problem.ProblemResponses;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;

/**
 * Enforces the body limit of the route. The gateway's {@code RequestSize} filter only reads
 * {@code Content-Length}, which a chunked body does not have; this one also counts what streams through.
 * Runs after the token check and the rate limit (a refused request costs no counting) and before the circuit
 * breaker, which does not count the resulting 413 against the backend.
 */
@Component
class BodySizeLimitFilter implements GlobalFilter, Ordered {

    static final int ORDER = 30;
    static final String METADATA_KEY = "max-body-size";

    private final ProblemResponses problems;
    private final long defaultLimit;
    private final Map<String, Long> limitByRoute = new ConcurrentHashMap<>();

    BodySizeLimitFilter(LimitsProperties properties, ProblemResponses problems) {
        this.problems = problems;
        this.defaultLimit = properties.maxBodySize().toBytes();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        long limit = limitOf(exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR));
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        long declared = headers.getContentLength();
        if (declared > limit) {
            return problems.write(exchange, ProblemKind.PAYLOAD_TOO_LARGE);
        }
        if (declared >= 0 || !mayStreamBody(request)) {
            // A declared length is what the server reads, no more: nothing left to count.
            return chain.filter(exchange);
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return limited(super.getBody(), limit);
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    static Flux<DataBuffer> limited(Flux<DataBuffer> body, long limit) {
        AtomicLong seen = new AtomicLong();
        return body.handle((buffer, sink) -> {
            if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                DataBufferUtils.release(buffer);
                sink.error(new BodyTooLargeException());
            } else {
                sink.next(buffer);
            }
        });
    }

    private static boolean mayStreamBody(ServerHttpRequest request) {
        HttpMethod method = request.getMethod();
        return request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)
                || !(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method));
    }

    long limitOf(Route route) {
        if (route == null) {
            return defaultLimit;
        }
        return limitByRoute.computeIfAbsent(route.getId(), id -> {
            Object configured = route.getMetadata().get(METADATA_KEY);
            return configured == null ? defaultLimit : DataSize.parse(configured.toString().trim()).toBytes();
        });
    }
}
