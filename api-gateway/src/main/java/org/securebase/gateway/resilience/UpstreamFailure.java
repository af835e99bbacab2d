package org.securebase.gateway.resilience;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Optional;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.TimeoutException;
import reactor.netty.http.client.PrematureCloseException;

import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * What can go wrong between the gateway and a backend, and the status each earns. Anything not listed is not
 * the backend's fault (a client error, a bug here) and is not counted by the circuit breaker.
 */
public enum UpstreamFailure {

    /** No connection could be made, or it broke before a response: 502. */
    UNREACHABLE,
    /** The route's circuit is open or its bulkhead is full: 503. */
    UNAVAILABLE,
    /** The response did not start within the route's timeout, or connecting took too long: 504. */
    TIMED_OUT;

    /** Looks through the cause chain, since Reactor Netty and the gateway wrap what the socket reported. */
    public static Optional<UpstreamFailure> classify(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Optional<UpstreamFailure> direct = classifyOne(t);
            if (direct.isPresent()) {
                return direct;
            }
        }
        return Optional.empty();
    }

    public static boolean isUpstreamFailure(Throwable error) {
        return classify(error).isPresent();
    }

    private static Optional<UpstreamFailure> classifyOne(Throwable t) {
        if (t instanceof ResponseStatusException status) {
            // NettyRoutingFilter reports the route's response timeout as a 504 ResponseStatusException.
            if (status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
                return Optional.of(TIMED_OUT);
            }
            return Optional.empty();
        }
        if (t instanceof ConnectTimeoutException || t instanceof TimeoutException
                || t instanceof java.util.concurrent.TimeoutException
                || t instanceof org.springframework.cloud.gateway.support.TimeoutException) {
            return Optional.of(TIMED_OUT);
        }
        if (t instanceof CallNotPermittedException || t instanceof BulkheadFullException
                || t instanceof ServiceUnavailableException) {
            return Optional.of(UNAVAILABLE);
        }
        if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException
                || t instanceof PrematureCloseException || t instanceof ClosedChannelException) {
            return Optional.of(UNREACHABLE);
        }
        return Optional.empty();
    }
}
