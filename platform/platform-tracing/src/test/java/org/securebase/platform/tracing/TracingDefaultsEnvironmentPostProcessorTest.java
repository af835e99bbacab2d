package org.securebase.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class TracingDefaultsEnvironmentPostProcessorTest {

    private final TracingDefaultsEnvironmentPostProcessor postProcessor = new TracingDefaultsEnvironmentPostProcessor();

    @Test
    void withoutAnEndpointThereIsNoTracerAtAll() {
        StandardEnvironment environment = environment(Map.of());
        postProcessor.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty(TracingDefaultsEnvironmentPostProcessor.EXPORT_ENABLED)).isEqualTo("false");
        assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");
        assertThat(environment.getProperty("management.otlp.metrics.export.enabled")).isEqualTo("false");
    }

    @Test
    void oneVariableTurnsItOn() {
        StandardEnvironment environment = environment(Map.of("SECUREBASE_TRACING_ENDPOINT", "http://collector:4318/v1/traces"));
        postProcessor.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty(TracingDefaultsEnvironmentPostProcessor.ENDPOINT))
                .isEqualTo("http://collector:4318/v1/traces");
        assertThat(environment.getProperty(TracingDefaultsEnvironmentPostProcessor.EXPORT_ENABLED)).isNull();
    }

    @Test
    void aServiceSettingWinsOverTheDefaults() {
        StandardEnvironment environment = environment(Map.of(TracingDefaultsEnvironmentPostProcessor.EXPORT_ENABLED, "true",
                "management.tracing.sampling.probability", "0.25"));
        postProcessor.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty(TracingDefaultsEnvironmentPostProcessor.EXPORT_ENABLED)).isEqualTo("true");
        assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("0.25");
    }

    private static StandardEnvironment environment(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        return environment;
    }
}
