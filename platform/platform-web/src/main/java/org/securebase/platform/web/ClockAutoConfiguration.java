package org.securebase.platform.web;

import java.time.Clock;

import org.securebase.platform.web.clock.AdjustableClock;
import org.securebase.platform.web.clock.ClockEndpoint;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every timestamp a service writes and every time it schedules by comes from this one {@link Clock}, in UTC. With
 * {@code securebase.clock.adjustable=true} (set on the command line by the local stack for the system tests, never in
 * a deployment) it is an {@link AdjustableClock} with its actuator endpoint.
 */
@AutoConfiguration
public class ClockAutoConfiguration {

    public static final String ADJUSTABLE_PROPERTY = "securebase.clock.adjustable";

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    @ConditionalOnBooleanProperty(name = ADJUSTABLE_PROPERTY, havingValue = false, matchIfMissing = true)
    Clock clock() {
        return Clock.systemUTC();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = ADJUSTABLE_PROPERTY)
    static class Adjustable {

        @Bean
        @ConditionalOnMissingBean(Clock.class)
        AdjustableClock clock() {
            return new AdjustableClock(Clock.systemUTC());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = ADJUSTABLE_PROPERTY)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    static class AdjustableEndpoint {

        @Bean
        @ConditionalOnMissingBean
        ClockEndpoint clockEndpoint(AdjustableClock clock) {
            return new ClockEndpoint(clock);
        }
    }
}
