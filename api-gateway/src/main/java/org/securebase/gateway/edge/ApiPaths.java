package org.securebase.gateway.edge;

import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** Path rules of the API space: what lies under {@code /api}, what is canonical, what is public. */
final class ApiPaths {

    private final List<PathPattern> publicPaths;
    private final List<PathPattern> publicPostPaths;

    ApiPaths(List<String> publicPaths, List<String> publicPostPaths) {
        this.publicPaths = publicPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.publicPostPaths = publicPostPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    /** Whether the decoded path's first segment is {@code api}, in any letter case. */
    static boolean isUnderApi(ServerHttpRequest request) {
        List<PathContainer.Element> elements = request.getPath().pathWithinApplication().elements();
        return elements.size() >= 2 && elements.get(1) instanceof PathContainer.PathSegment segment
                && segment.valueToMatch().equalsIgnoreCase("api");
    }

    /**
     * No dot segments, empty segments, backslashes, matrix parameters, or encoded dots, slashes and backslashes:
     * forms a browser never sends, that servers normalise differently, and that could make a path look public
     * or not an invitation here while meaning something else to the service behind.
     */
    static boolean isCanonical(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.contains("//") || rawPath.contains("\\")
                || rawPath.contains(";")) {
            return false;
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c")) {
            return false;
        }
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /**
     * GET or HEAD of a configured public path (the OpenAPI documents), or POST of a public POST path (a signed
     * one-click unsubscribe link). The service behind checks what the request carries.
     */
    boolean isPublic(ServerHttpRequest request) {
        HttpMethod method = request.getMethod();
        List<PathPattern> patterns;
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
            patterns = publicPaths;
        } else if (HttpMethod.POST.equals(method)) {
            patterns = publicPostPaths;
        } else {
            return false;
        }
        PathContainer path = request.getPath().pathWithinApplication();
        for (PathPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }
}
