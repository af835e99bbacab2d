package org.securebase.gateway.edge;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code securebase.security.*}, named as in the services so the local stack's {@code SECUREBASE_SECURITY_*}
 * variables configure the gateway too.
 *
 * @param issuerUri              the PUBLIC issuer every token must name in {@code iss}; compared, never fetched
 * @param jwkSetUri              Keycloak's INTERNAL certs endpoint
 * @param publicPaths            API paths reachable without a token (GET and HEAD only): the OpenAPI documents
 * @param publicPostPaths        API paths a POST may reach without a token, because the request carries its own proof:
 *                               the one-click unsubscribe link of a notification email (RFC 8058), signed for one
 *                               person and one kind, which a mail client posts with no session
 * @param jwkSetMaxAge           keys older than this are re-read on the next token (a removed key stops working)
 * @param jwkSetMinFetchInterval at most one fetch of the key set per this interval, however many tokens name an
 *                               unknown key id: a forged {@code kid} must not turn the gateway into a load
 *                               generator against Keycloak
 */
@ConfigurationProperties("securebase.security")
public record EdgeSecurityProperties(
        @DefaultValue("http://localhost:8080/auth/realms/securebase") String issuerUri,
        @DefaultValue("http://localhost:8180/auth/realms/securebase/protocol/openid-connect/certs") String jwkSetUri,
        @DefaultValue({"/api/*/v3/api-docs", "/api/*/v3/api-docs/**"}) List<String> publicPaths,
        @DefaultValue("/api/accounts/notifications/unsubscribe") List<String> publicPostPaths,
        @DefaultValue("5m") Duration jwkSetMaxAge,
        @DefaultValue("30s") Duration jwkSetMinFetchInterval) {

    public EdgeSecurityProperties {
        publicPaths = List.copyOf(publicPaths);
        publicPostPaths = List.copyOf(publicPostPaths);
    }
}
