package org.securebase.gateway.edge;

import org.securebase.gateway.exchange.RequestFacts;
import org.securebase.gateway.exchange.RequestLog;
import org.securebase.gateway.problem.ProblemKind;
import org.securebase.gateway.problem.ProblemResponses;
import org.securebase.gateway.ratelimit.RateLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The edge token check. A route with {@code audience} metadata is an API: every request to it needs a bearer
 * token for that audience, except GET/HEAD of its public OpenAPI documents. Refusals never reach a backend:
 *
 * <ul>
 *   <li>no token: 401 with {@code WWW-Authenticate: Bearer};</li>
 *   <li>two Authorization headers or a token that is not token68: 400, {@code error="invalid_request"};</li>
 *   <li>a token that fails any check (signature, algorithm, issuer, audience, expiry, subject): 401,
 *       {@code error="invalid_token"} - the reason stays in the debug log, never in the response;</li>
 *   <li>Keycloak's keys cannot be had at all: 503.</li>
 * </ul>
 *
 * Refused requests count against the client address's anonymous rate limit. A {@code /api/...} path that is
 * no API route (it would fall through to the portal) is answered 404, and an API path that is not canonical
 * 400 (see {@link ApiPaths#isCanonical}).
 */
@Component
class EdgeTokenFilter implements GlobalFilter, Ordered {

    static final int ORDER = 10;
    static final String AUDIENCE_KEY = "audience";
    static final String BEARER_CHALLENGE = "Bearer";
    static final String INVALID_REQUEST_CHALLENGE = "Bearer error=\"invalid_request\"";
    static final String INVALID_TOKEN_CHALLENGE = "Bearer error=\"invalid_token\"";

    private static final Logger log = LoggerFactory.getLogger(EdgeTokenFilter.class);

    private record Outcome(String subject, Throwable error) {
    }

    private final EdgeJwtDecoders decoders;
    private final ApiPaths apiPaths;
    private final RateLimits rateLimits;
    private final ProblemResponses problems;

    EdgeTokenFilter(EdgeJwtDecoders decoders, ApiPaths apiPaths, RateLimits rateLimits, ProblemResponses problems) {
        this.decoders = decoders;
        this.apiPaths = apiPaths;
        this.rateLimits = rateLimits;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        Object audience = route == null ? null : route.getMetadata().get(AUDIENCE_KEY);
        if (audience == null) {
            return ApiPaths.isUnderApi(request) ? problems.write(exchange, ProblemKind.NOT_FOUND) : chain.filter(exchange);
        }
        if (!ApiPaths.isCanonical(request.getURI().getRawPath())) {
            return problems.write(exchange, ProblemKind.BAD_REQUEST);
        }
        if (apiPaths.isPublic(request)) {
            return chain.filter(exchange);
        }
        BearerToken bearer = BearerToken.of(request.getHeaders());
        return switch (bearer.kind()) {
            case MISSING -> refuse(exchange, ProblemKind.UNAUTHORIZED, BEARER_CHALLENGE);
            case MALFORMED -> refuse(exchange, ProblemKind.BAD_REQUEST, INVALID_REQUEST_CHALLENGE);
            case PRESENT -> check(exchange, chain, audience.toString(), bearer.value());
        };
    }

    private Mono<Void> check(ServerWebExchange exchange, GatewayFilterChain chain, String audience, String token) {
        // Only the decoding is guarded: an error further down the chain is not a token problem.
        return Mono.defer(() -> decoders.forAudience(audience).decode(token))
                .map(jwt -> new Outcome(jwt.getSubject(), null))
                .onErrorResume(error -> Mono.just(new Outcome(null, error)))
                .flatMap(outcome -> {
                    if (outcome.subject() != null) {
                        exchange.getAttributes().put(RequestFacts.SUBJECT, outcome.subject());
                        return chain.filter(exchange);
                    }
                    if (keysUnavailable(outcome.error())) {
                        RequestLog.with(exchange, () -> log.warn("cannot check tokens: {}", outcome.error().toString()));
                        return problems.write(exchange, ProblemKind.SERVICE_UNAVAILABLE);
                    }
                    RequestLog.with(exchange, () -> log.debug("token refused for audience {}: {}", audience,
                            outcome.error().getMessage()));
                    return refuse(exchange, ProblemKind.INVALID_TOKEN, INVALID_TOKEN_CHALLENGE);
                });
    }

    private Mono<Void> refuse(ServerWebExchange exchange, ProblemKind kind, String challenge) {
        RateLimits.Verdict verdict = rateLimits.checkAnonymous(exchange);
        if (!verdict.allowed()) {
            return rateLimits.refuse(exchange, verdict);
        }
        return problems.write(exchange, kind, headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge));
    }

    private static boolean keysUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof KeysUnavailableException) {
                return true;
            }
        }
        return false;
    }
}
