package org.securebase.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class KeycloakDefaultsEnvironmentPostProcessorTest {

    @Test
    void addsTheLocalStacksKeycloakBelowWhatTheServiceSets() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application.yml",
                Map.of("securebase.security.issuer-uri", "https://practice.example/auth/realms/securebase")));

        new KeycloakDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("securebase.security.issuer-uri"))
                .isEqualTo("https://practice.example/auth/realms/securebase");
        assertThat(environment.getProperty("securebase.security.jwk-set-uri"))
                .isEqualTo("http://localhost:8180/auth/realms/securebase/protocol/openid-connect/certs");
        assertThat(environment.getPropertySources().contains(KeycloakDefaultsEnvironmentPostProcessor.RESOURCE)).isTrue();
    }
}
