package org.securebase.platform.tracing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code securebase-tracing-defaults.yml} as the last property source, and switches tracing off entirely when
 * no OTLP endpoint is configured: one variable, {@code SECUREBASE_TRACING_ENDPOINT}, turns it on. Off means no
 * tracer bean, so no span is made, no context is propagated and no request pays for it; a sampled-but-unexported
 * span would cost the same as an exported one.
 */
public class TracingDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String RESOURCE = "securebase-tracing-defaults.yml";
    static final String ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";
    static final String EXPORT_ENABLED = "management.tracing.export.enabled";
    static final String OFF_WITHOUT_ENDPOINT = "securebase-tracing-off-without-endpoint";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(RESOURCE)) {
            return;
        }
        try {
            new YamlPropertySourceLoader().load(RESOURCE, new ClassPathResource(RESOURCE))
                    .forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        String endpoint = environment.getProperty(ENDPOINT);
        if (endpoint == null || endpoint.isBlank()) {
            // Last, so an explicit management.tracing.export.enabled (a test's in-memory exporter) still wins.
            environment.getPropertySources().addLast(new MapPropertySource(OFF_WITHOUT_ENDPOINT,
                    Map.of(EXPORT_ENABLED, "false")));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
