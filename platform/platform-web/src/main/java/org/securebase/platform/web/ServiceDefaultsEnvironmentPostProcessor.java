package org.securebase.platform.web;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Adds {@code securebase-service-defaults.yml} as the last property source of every service, so the
 * settings all resource servers share live once and each service overrides only what differs.
 * (A {@code spring.config.import} would not do: imported files take precedence over the importer.)
 *
 * <p>Another platform module adds the defaults of what it owns the same way, from a file of its own,
 * by extending this class with the file's name.
 */
public class ServiceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String RESOURCE = "securebase-service-defaults.yml";

    private final String resource;

    public ServiceDefaultsEnvironmentPostProcessor() {
        this(RESOURCE);
    }

    /** @param resource a YAML file on the class path; its name is also the name of the property source(s) */
    protected ServiceDefaultsEnvironmentPostProcessor(String resource) {
        this.resource = resource;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(resource)) {
            return;
        }
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(resource, new ClassPathResource(resource));
            sources.forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
