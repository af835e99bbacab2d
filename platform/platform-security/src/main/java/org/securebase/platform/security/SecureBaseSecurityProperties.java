package org.securebase.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a resource server finds and checks Keycloak tokens.
 *
 * @param issuerUri   the PUBLIC issuer every token must name in {@code iss}, e.g.
 *                    {@code http://localhost:8080/auth/realms/securebase}. Only compared, never
 *                    fetched: behind the gateway it may not be reachable from the service.
 * @param jwkSetUri   Keycloak's INTERNAL certs endpoint the signing keys are fetched from, e.g.
 *                    {@code http://localhost:8180/auth/realms/securebase/protocol/openid-connect/certs}.
 * @param audience    the audience this API requires in {@code aud}, e.g. {@code content-service}.
 * @param publicPaths extra path patterns reachable without a token (for example a service's own
 *                    API docs under {@code /api/<service>/...}); added to the built-in health,
 *                    info, prometheus and {@code /v3/api-docs/**} paths.
 */
@ConfigurationProperties("securebase.security")
public record SecureBaseSecurityProperties(
        String issuerUri,
        String jwkSetUri,
        String audience,
        @DefaultValue List<String> publicPaths) {

    public SecureBaseSecurityProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }
}
