package org.securebase.gateway.headers;

import io.opentelemetry.sdk.trace.samplers.Sampler;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway decides which requests are traced, from the trace id alone, at the configured probability. The
 * services follow the decision their caller made (Spring Boot's parent-based default); the gateway does not,
 * because its callers are the internet: a {@code traceparent} with the sampled flag set on every request would
 * otherwise make every request of that client recorded and exported, whatever the operator chose. A caller's
 * trace id is still continued, so a trace a browser or a load balancer started stays one trace.
 */
@Configuration(proxyBeanMethods = false)
class EdgeSampling {

    @Bean
    Sampler edgeSampler(@Value("${management.tracing.sampling.probability:1.0}") double probability) {
        return Sampler.traceIdRatioBased(probability);
    }
}
