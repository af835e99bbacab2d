package org.securebase.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ServiceDefaultsEnvironmentPostProcessorTest {

    private final ServiceDefaultsEnvironmentPostProcessor postProcessor = new ServiceDefaultsEnvironmentPostProcessor();

    @Test
    void addsTheSharedDefaultsBelowEverythingTheServiceSets() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application.yml",
                Map.of("server.shutdown", "immediate")));

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("server.shutdown")).isEqualTo("immediate");
        assertThat(environment.getProperty("spring.jpa.open-in-view")).isEqualTo("false");
        assertThat(environment.getProperty("server.error.include-stacktrace")).isEqualTo("never");
        assertThat(environment.getPropertySources().stream().reduce((first, second) -> second).orElseThrow().getName())
                .startsWith(ServiceDefaultsEnvironmentPostProcessor.RESOURCE);
    }

    @Test
    void addsThemOnce() {
        StandardEnvironment environment = new StandardEnvironment();
        int before = environment.getPropertySources().size();

        postProcessor.postProcessEnvironment(environment, new SpringApplication());
        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getPropertySources().size()).isEqualTo(before + 1);
    }
}
