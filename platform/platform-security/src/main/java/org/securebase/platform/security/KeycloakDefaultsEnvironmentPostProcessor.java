package org.securebase.platform.security;

import org.securebase.platform.web.ServiceDefaultsEnvironmentPostProcessor;

/**
 * Adds {@code securebase-security-defaults.yml} (the Keycloak addresses of the local stack) as a last property
 * source, next to platform-web's service defaults, so a service names only its audience.
 */
public class KeycloakDefaultsEnvironmentPostProcessor extends ServiceDefaultsEnvironmentPostProcessor {

    static final String RESOURCE = "securebase-security-defaults.yml";

    public KeycloakDefaultsEnvironmentPostProcessor() {
        super(RESOURCE);
    }
}
