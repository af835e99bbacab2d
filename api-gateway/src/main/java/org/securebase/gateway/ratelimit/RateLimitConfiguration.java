package org.securebase.gateway.ratelimit;

import org.securebase.gateway.problem.ProblemResponses;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    RateLimits rateLimits(RateLimitProperties properties, ProblemResponses problems) {
        // nanoTime, not the wall clock: a clock step must neither refill nor drain every bucket.
        return new RateLimits(properties, System::nanoTime, problems);
    }
}
