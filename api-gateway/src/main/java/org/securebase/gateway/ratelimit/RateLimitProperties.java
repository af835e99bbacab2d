package org.securebase.gateway.ratelimit;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code securebase.rate-limits.*}; defaults and reasoning in api-gateway/README.md. Each limit allows
 * {@code requests} at once and refills continuously at {@code requests} per {@code per}.
 *
 * @param enabled             off only for measurements; every limit then passes
 * @param maxKeys             buckets kept per policy before newcomers share one (memory bound)
 * @param anonymous           per client address: everything without an accepted token
 * @param user                per authenticated user ({@code sub}) on the APIs
 * @param invitations         per user, in addition, for the endpoints in {@code invitationEndpoints}
 * @param invitationEndpoints {@code "METHOD /path/pattern"} (Spring path patterns) that invite people
 */
@ConfigurationProperties("securebase.rate-limits")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("100000") int maxKeys,
        Limit anonymous,
        Limit user,
        Limit invitations,
        @DefaultValue({"POST /api/accounts", "POST /api/accounts/*/invitation"}) List<String> invitationEndpoints) {

    public RateLimitProperties {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("securebase.rate-limits.max-keys must be at least 1");
        }
        // Defaults per policy live here rather than in Limit, so that overriding only one field keeps the other.
        anonymous = Limit.orDefaults(anonymous, 600, Duration.ofMinutes(1));
        user = Limit.orDefaults(user, 600, Duration.ofMinutes(1));
        invitations = Limit.orDefaults(invitations, 20, Duration.ofHours(1));
        invitationEndpoints = List.copyOf(invitationEndpoints);
    }

    public record Limit(Integer requests, Duration per) {

        static Limit orDefaults(Limit configured, int requests, Duration per) {
            Limit limit = new Limit(configured == null || configured.requests() == null ? requests : configured.requests(),
                    configured == null || configured.per() == null ? per : configured.per());
            if (limit.requests() < 1 || limit.per().isNegative() || limit.per().isZero()) {
                throw new IllegalArgumentException("a rate limit needs requests >= 1 and a positive period: " + limit);
            }
            return limit;
        }
    }
}
