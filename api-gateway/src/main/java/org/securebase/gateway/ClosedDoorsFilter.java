package org.securebase.gateway;

import org.securebase.gateway.problem.ProblemKind;
import org.securebase.gateway.problem.ProblemResponses;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Answers 404 for paths that exist behind the gateway but must not be reachable from outside: Keycloak's
 * admin console and admin REST API, the master realm, and any actuator endpoint. It runs before forwarding
 * and looks at the decoded, dot-segment-normalised path, so {@code /auth/%61dmin} or
 * {@code /api/content/../../actuator} cannot slip past. A global filter rather than a web filter, so it
 * guards what is routed (the catch-all portal route sees every other path) and leaves the gateway's own
 * actuator on the management port alone.
 */
@Component
class ClosedDoorsFilter implements GlobalFilter, Ordered {

    private final ProblemResponses problems;

    ClosedDoorsFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (isClosed(exchange.getRequest().getURI().getRawPath())) {
            return problems.write(exchange, ProblemKind.NOT_FOUND);
        }
        return chain.filter(exchange);
    }

    static boolean isClosed(String rawPath) {
        String path = normalise(rawPath);
        return path.equals("/auth/admin") || path.startsWith("/auth/admin/")
                || path.equals("/auth/realms/master") || path.startsWith("/auth/realms/master/")
                || ("/" + path + "/").contains("/actuator/")
                || path.contains(";");
    }

    private static String normalise(String rawPath) {
        String decoded = rawPath == null ? "/" : rawPath;
        // Decode repeatedly so double-encoded segments are judged by what a backend may finally see.
        for (int i = 0; i < 3; i++) {
            String next;
            try {
                next = URLDecoder.decode(decoded.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return ";malformed";
            }
            if (next.equals(decoded)) {
                break;
            }
            decoded = next;
        }
        String lower = decoded.toLowerCase(Locale.ROOT).replace('\\', '/');
        java.util.Deque<String> segments = new java.util.ArrayDeque<>();
        for (String segment : lower.split("/+")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(segment);
            }
        }
        return "/" + String.join("/", segments);
    }
}
