package org.securebase.gateway.headers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.securebase.gateway.exchange.RequestFacts;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The first thing every request meets. A web filter, not a gateway filter, so that route predicates, the
 * closed doors and every later feature already see the cleaned request.
 *
 * <ul>
 *   <li>Decides who the client is ({@link org.securebase.gateway.exchange.ClientView}): the TCP peer, or -
 *       only when that peer is one of {@code securebase.forwarding.trusted-proxies} - what its
 *       {@code X-Forwarded-*} headers say.</li>
 *   <li>Then drops {@code Forwarded}, {@code X-Forwarded-*}, {@code X-Real-IP} and the other client-address
 *       headers some frameworks trust, plus any {@code X-Internal-*} / {@code X-Securebase-*}: those are
 *       ours to set, never a client's.</li>
 *   <li>Accepts the client's {@code X-Request-Id} when it is one safe token of at most 64 characters of
 *       {@code [A-Za-z0-9._-]} (the services' rule), otherwise generates a UUID; forwards it, echoes it on the
 *       response and records it for the gateway's log lines.</li>
 *   <li>Keeps {@code traceparent}/{@code tracestate} only when well-formed (W3C Trace Context level 1), drops them
 *       otherwise. While tracing is on, the gateway's own span continues a well-formed one and the backend gets the
 *       gateway's context instead ({@link EdgeSampling} decides what is recorded); while it is off, a well-formed
 *       one passes through unchanged: see api-gateway/README.md.</li>
 * </ul>
 */
@Component
class InboundHeadersFilter implements WebFilter, Ordered {

    static final String REQUEST_ID = "X-Request-Id";
    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";

    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern TRACEPARENT_V00 = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final Pattern TRACESTATE_CHARS = Pattern.compile("[\\x20-\\x7e]{0,512}");
    private static final List<String> SPOOFABLE_NAMES = List.of("forwarded", "x-real-ip", "x-client-ip",
            "true-client-ip", "x-cluster-client-ip", "x-original-url", "x-rewrite-url");
    private static final List<String> SPOOFABLE_PREFIXES = List.of("x-forwarded-", "x-internal-", "x-securebase-");

    private final TrustedProxies trustedProxies;

    InboundHeadersFilter(ForwardingProperties forwarding) {
        this.trustedProxies = new TrustedProxies(forwarding.trustedProxies());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String requestId = acceptOrGenerate(request.getHeaders().get(REQUEST_ID));
        exchange.getAttributes().put(RequestFacts.REQUEST_ID, requestId);
        // Decided before the forwarding headers are dropped: a trusted proxy's are the only ones that count.
        exchange.getAttributes().put(RequestFacts.CLIENT, trustedProxies.resolve(request));
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(REQUEST_ID, requestId);
            return Mono.empty();
        });
        ServerHttpRequest cleaned = request.mutate().headers(headers -> clean(headers, requestId)).build();
        return chain.filter(exchange.mutate().request(cleaned).build());
    }

    static void clean(HttpHeaders headers, String requestId) {
        for (String name : new ArrayList<>(headers.headerNames())) {
            if (isSpoofable(name)) {
                headers.remove(name);
            }
        }
        headers.set(REQUEST_ID, requestId);
        if (!isValidTraceContext(headers.get(TRACEPARENT), headers.get(TRACESTATE))) {
            headers.remove(TRACEPARENT);
            headers.remove(TRACESTATE);
        }
    }

    static boolean isSpoofable(String headerName) {
        String name = headerName.toLowerCase(Locale.ROOT);
        return SPOOFABLE_NAMES.contains(name) || SPOOFABLE_PREFIXES.stream().anyMatch(name::startsWith);
    }

    static String acceptOrGenerate(List<String> offered) {
        // Two ids would be ambiguous; taking either would let a client choose which one the services log.
        if (offered != null && offered.size() == 1 && SAFE_REQUEST_ID.matcher(offered.get(0)).matches()) {
            return offered.get(0);
        }
        return freshId();
    }

    /**
     * A random (version 4 layout) UUID from {@link ThreadLocalRandom}: a request id must be unique, not
     * unguessable, and {@link UUID#randomUUID()} would serialize every request on the JVM's shared SecureRandom.
     */
    static String freshId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    /** True when there is no trace context at all, or exactly one well-formed version-00 traceparent. */
    static boolean isValidTraceContext(List<String> traceparent, List<String> tracestate) {
        if (traceparent == null || traceparent.isEmpty()) {
            // tracestate without traceparent means nothing (W3C: ignore it); dropping it is the same.
            return tracestate == null || tracestate.isEmpty();
        }
        if (traceparent.size() != 1) {
            return false;
        }
        String value = traceparent.get(0);
        if (!TRACEPARENT_V00.matcher(value).matches()
                || value.regionMatches(3, "00000000000000000000000000000000", 0, 32)
                || value.regionMatches(36, "0000000000000000", 0, 16)) {
            return false;
        }
        if (tracestate == null) {
            return true;
        }
        return TRACESTATE_CHARS.matcher(String.join(",", tracestate)).matches();
    }
}
