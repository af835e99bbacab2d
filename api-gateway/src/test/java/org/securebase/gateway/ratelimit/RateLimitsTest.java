package org.securebase.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.securebase.gateway.problem.ProblemResponses;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitsTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void invitationsSpendTheirOwnBudgetAsWellAsTheUsers() {
        RateLimits limits = limits(new RateLimitProperties(true, 100, null, new RateLimitProperties.Limit(10, null),
                new RateLimitProperties.Limit(1, Duration.ofHours(1)), List.of("POST /api/accounts", "POST /api/accounts/*/invitation")));
        assertThat(limits.checkUser(exchange("POST", "/api/accounts"), "admin").allowed()).isTrue();
        RateLimits.Verdict second = limits.checkUser(exchange("POST", "/api/accounts/1b9d/invitation"), "admin");
        assertThat(second.allowed()).isFalse();
        assertThat(second.retryAfterSeconds()).isEqualTo(3600);
        assertThat(limits.checkUser(exchange("GET", "/api/accounts"), "admin").allowed()).isTrue();
        assertThat(limits.checkUser(exchange("POST", "/api/accounts"), "another-admin").allowed()).isTrue();
        // The path is matched decoded, as the route matches it: an encoded letter is still an invitation.
        assertThat(limits.checkUser(exchange("POST", "/api/%61ccounts"), "admin").allowed()).isFalse();
    }

    @Test
    void retryAfterIsRoundedUpToWholeSeconds() {
        RateLimits limits = limits(new RateLimitProperties(true, 100, new RateLimitProperties.Limit(2, Duration.ofSeconds(3)),
                null, null, List.of()));
        MockServerWebExchange exchange = exchange("GET", "/");
        limits.checkAnonymous(exchange);
        limits.checkAnonymous(exchange);
        assertThat(limits.checkAnonymous(exchange).retryAfterSeconds()).isEqualTo(2);
        now.addAndGet(Duration.ofMillis(1400).toNanos());
        assertThat(limits.checkAnonymous(exchange).retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void switchedOffEverythingPasses() {
        RateLimits limits = limits(new RateLimitProperties(false, 100, new RateLimitProperties.Limit(1, null), null, null, List.of()));
        for (int i = 0; i < 10; i++) {
            assertThat(limits.checkAnonymous(exchange("GET", "/")).allowed()).isTrue();
        }
    }

    @Test
    void defaultsFillWhatIsNotConfiguredAndNonsenseIsRejected() {
        RateLimitProperties properties = new RateLimitProperties(true, 100, new RateLimitProperties.Limit(5, null),
                null, null, List.of());
        assertThat(properties.anonymous()).isEqualTo(new RateLimitProperties.Limit(5, Duration.ofMinutes(1)));
        assertThat(properties.invitations()).isEqualTo(new RateLimitProperties.Limit(20, Duration.ofHours(1)));
        assertThatThrownBy(() -> new RateLimitProperties(true, 100, new RateLimitProperties.Limit(0, null), null, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InvitationEndpoints(List.of("/api/accounts")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private RateLimits limits(RateLimitProperties properties) {
        return new RateLimits(properties, now::get, new ProblemResponses());
    }

    private static MockServerWebExchange exchange(String method, String path) {
        return MockServerWebExchange.from(MockServerHttpRequest.method(org.springframework.http.HttpMethod.valueOf(method),
                java.net.URI.create("http://localhost" + path)).remoteAddress(new java.net.InetSocketAddress("192.0.2.1", 5000)));
    }
}
