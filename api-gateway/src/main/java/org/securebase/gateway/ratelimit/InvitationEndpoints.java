package org.securebase.gateway.ratelimit;

import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Matches the endpoints that send invitation emails. Matched on the decoded path the routes themselves match
 * on, so an encoded variant of the path cannot reach account-service as an invitation and dodge the limit.
 */
final class InvitationEndpoints {

    private record Endpoint(HttpMethod method, PathPattern path) {
    }

    private final List<Endpoint> endpoints;

    InvitationEndpoints(List<String> definitions) {
        this.endpoints = definitions.stream().map(InvitationEndpoints::parse).toList();
    }

    boolean matches(ServerHttpRequest request) {
        PathContainer path = request.getPath().pathWithinApplication();
        for (Endpoint endpoint : endpoints) {
            if (endpoint.method().equals(request.getMethod()) && endpoint.path().matches(path)) {
                return true;
            }
        }
        return false;
    }

    private static Endpoint parse(String definition) {
        String[] parts = definition.trim().split("\\s+");
        if (parts.length != 2 || !parts[1].startsWith("/")) {
            throw new IllegalArgumentException(
                    "securebase.rate-limits.invitation-endpoints entries are \"METHOD /path\", not: " + definition);
        }
        return new Endpoint(HttpMethod.valueOf(parts[0].toUpperCase(Locale.ROOT)),
                PathPatternParser.defaultInstance.parse(parts[1]));
    }
}
