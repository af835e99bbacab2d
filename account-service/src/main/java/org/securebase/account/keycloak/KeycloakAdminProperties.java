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
 * @param invitationClientId the client an invitation belongs to: Keycloak's last page after the invitation's steps
 *                           links to its redirect, and its pages are in the realm's theme
 * @param invitationRedirectUri where that link leads: the portal's home (env {@code SECUREBASE_PUBLIC_URL} + "/"),
 *                           which must be one of the client's exact redirect URIs in the realm, or Keycloak refuses
 *                           to send the invitation
 */
@ConfigurationProperties("securebase.keycloak")
public record KeycloakAdminProperties(
        String internalUrl,
        @DefaultValue("securebase") String realm,
        @DefaultValue("account-service") String clientId,
        String clientSecret,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("15s") Duration readTimeout,
        @DefaultValue("10") int connectionPoolSize,
        @DefaultValue("portal") String invitationClientId,
        @DefaultValue("http://localhost:8080/") String invitationRedirectUri) {

    @Override
    public String toString() {
        return "KeycloakAdminProperties[internalUrl=" + internalUrl + ", realm=" + realm + ", clientId=" + clientId
                + ", clientSecret=(hidden)]";
    }
}
