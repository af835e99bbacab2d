package org.securebase.gateway.problem;

import java.net.URI;
import java.util.function.Consumer;

import org.securebase.gateway.exchange.RequestFacts;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/** Writes a {@link ProblemKind} as the whole response. */
@Component
public class ProblemResponses {

    // Spring's mix-in flattens the properties map, so the JSON matches what the services' MVC writes.
    private final JsonMapper jsonMapper = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .build();

    public Mono<Void> write(ServerWebExchange exchange, ProblemKind kind) {
        return write(exchange, kind, headers -> { });
    }

    /**
     * @param extraHeaders for headers that belong to the problem ({@code Retry-After}, {@code WWW-Authenticate})
     */
    public Mono<Void> write(ServerWebExchange exchange, ProblemKind kind, Consumer<HttpHeaders> extraHeaders) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            // Too late for a status: the client sees the connection end, which is the truthful signal.
            return Mono.empty();
        }
        exchange.getAttributes().put(RequestFacts.GATEWAY_RESPONSE, Boolean.TRUE);
        response.setStatusCode(kind.status());
        HttpHeaders headers = response.getHeaders();
        // Anything a backend had already put there (a half-proxied response) is not ours to send.
        headers.clear();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        extraHeaders.accept(headers);
        byte[] body = body(kind, instance(exchange).orElse(null), RequestFacts.requestId(exchange).orElse(null));
        headers.setContentLength(body.length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    /**
     * The body alone, for code that answers outside an exchange (a request the HTTP decoder could not read).
     *
     * @param instance the path as received, or {@code null}
     * @param requestId or {@code null}
     */
    public byte[] body(ProblemKind kind, URI instance, String requestId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(kind.status(), kind.detail());
        problem.setType(kind.type());
        problem.setTitle(kind.title());
        if (instance != null) {
            problem.setInstance(instance);
        }
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return jsonMapper.writeValueAsBytes(problem);
    }

    // The path as received (still percent-encoded), never the query string: it may hold search terms.
    private static java.util.Optional<URI> instance(ServerWebExchange exchange) {
        String rawPath = exchange.getRequest().getURI().getRawPath();
        if (rawPath == null || rawPath.isEmpty()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(URI.create(rawPath));
        } catch (IllegalArgumentException notAUri) {
            return java.util.Optional.empty();
        }
    }
}
