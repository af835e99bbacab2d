package org.securebase.portal.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Keycloak is, seen from two sides: {@code publicUrl} is what the browser uses (through the
 * gateway) and what tokens name as issuer; {@code internalUrl} is how this server reaches Keycloak
 * directly for the code exchange and signing keys.
 */
@ConfigurationProperties("securebase.keycloak")
public record KeycloakProperties(String publicUrl, String internalUrl, String realm, String clientId,
                                 String clientSecret, String portalPublicUrl) {

    String issuer() {
        return publicUrl + "/realms/" + realm;
    }

    String publicEndpoint(String path) {
        return issuer() + "/protocol/openid-connect/" + path;
    }

    /** A page of Keycloak's account console for the realm, as the browser reaches it. */
    public String accountConsole(String page) {
        return issuer() + "/account/" + page;
    }

    String internalEndpoint(String path) {
        return internalUrl + "/realms/" + realm + "/protocol/openid-connect/" + path;
    }
}
