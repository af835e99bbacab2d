package org.securebase.gateway.ratelimit;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.securebase.gateway.exchange.RequestFacts;
import org.securebase.gateway.exchange.RequestLog;
import org.securebase.gateway.problem.ProblemKind;
import org.securebase.gateway.problem.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway's rate limits, for the filter that counts every request and for the edge check that counts
 * refused tokens as anonymous traffic (so a flood of forged tokens is throttled like any other).
 */
public class RateLimits {

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

    /** Whether a request may pass, and if not, how many whole seconds until it may. */
    public record Verdict(boolean allowed, long retryAfterSeconds) {

        static final Verdict ALLOWED = new Verdict(true, 0);

        static Verdict ofWait(long waitNanos) {
            if (waitNanos <= 0) {
                return ALLOWED;
            }
            return new Verdict(false, Math.max(1, (waitNanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1)));
        }
    }

    private final boolean enabled;
    private final BucketStore anonymous;
    private final BucketStore users;
    private final BucketStore invitations;
    private final InvitationEndpoints invitationEndpoints;
    private final ProblemResponses problems;

    RateLimits(RateLimitProperties properties, LongSupplier nanoTime, ProblemResponses problems) {
        this.enabled = properties.enabled();
        this.anonymous = new BucketStore(properties.anonymous(), properties.maxKeys(), nanoTime);
        this.users = new BucketStore(properties.user(), properties.maxKeys(), nanoTime);
        this.invitations = new BucketStore(properties.invitations(), properties.maxKeys(), nanoTime);
        this.invitationEndpoints = new InvitationEndpoints(properties.invitationEndpoints());
        this.problems = problems;
    }

    /** Counts a request without an accepted token against its client address. */
    public Verdict checkAnonymous(ServerWebExchange exchange) {
        if (!enabled) {
            return Verdict.ALLOWED;
        }
        return Verdict.ofWait(anonymous.tryTake(RequestFacts.clientAddressKey(exchange)));
    }

    /** Counts a request with an accepted token against its user, and an invitation also against theirs. */
    public Verdict checkUser(ServerWebExchange exchange, String subject) {
        if (!enabled) {
            return Verdict.ALLOWED;
        }
        if (invitationEndpoints.matches(exchange.getRequest())) {
            Verdict invitation = Verdict.ofWait(invitations.tryTake(subject));
            if (!invitation.allowed()) {
                return invitation;
            }
        }
        return Verdict.ofWait(users.tryTake(subject));
    }

    /** 429 problem+json with {@code Retry-After} in seconds. */
    public Mono<Void> refuse(ServerWebExchange exchange, Verdict verdict) {
        // Debug, not info: under a flood, one line per refused request would be a second flood.
        RequestLog.with(exchange, () -> log.debug("rate limit reached for {} {}; retry after {} s",
                exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(), verdict.retryAfterSeconds()));
        return problems.write(exchange, ProblemKind.TOO_MANY_REQUESTS,
                headers -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(verdict.retryAfterSeconds())));
    }
}
