package org.securebase.account.keycloak;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and as whom account-service administers Keycloak.
 *
 * @param internalUrl        Keycloak's INTERNAL base URL including {@code /auth} (env
 *                           {@code SECUREBASE_KEYCLOAK_INTERNAL_URL}); never the public one behind the gateway,
 *                           which blocks {@code /auth/admin/**}
 * @param realm              the realm whose users are administered
 * @param clientId           the confidential client whose service account holds {@code manage-users} and
 *                           {@code view-realm}
 * @param clientSecret       its secret (env {@code SECUREBASE_KEYCLOAK_CLIENT_SECRET})
 * @param connectTimeout     TCP connect timeout; short, so a Keycloak outage answers 503 quickly
 * @param readTimeout        how long one admin call may take
 * @param connectionPoolSize concurrent connections to Keycloak
 */
@ConfigurationProperties("securebase.keycloak")
public record KeycloakAdminProperties(
        String internalUrl,
        @DefaultValue("securebase") String realm,
        @DefaultValue("account-service") String clientId,
        String clientSecret,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("15s") Duration readTimeout,
        @DefaultValue("10") int connectionPoolSize) {

    @Override
    public String toString() {
        return "KeycloakAdminProperties[internalUrl=" + internalUrl + ", realm=" + realm + ", clientId=" + clientId
                + ", clientSecret=(hidden)]";
    }
}
