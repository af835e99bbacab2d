/**
 * Keycloak as this service sees it: {@link org.securebase.account.keycloak.KeycloakDirectory} is the port (create
 * a user, grant a role, send the invitation email, disable and log out, enable, delete, look up), and
 * {@link org.securebase.account.keycloak.KeycloakAdminDirectory} its adapter over {@code keycloak-admin-client},
 * signed in with the {@code account-service} client's service account (client credentials).
 *
 * <p>Failures are translated into this package's exceptions, so callers decide what a refusal means without
 * knowing JAX-RS: {@link org.securebase.account.keycloak.EmailTakenInKeycloakException} (409),
 * {@link org.securebase.account.keycloak.KeycloakRejectedException} (400: Keycloak refused the input) and
 * {@link org.securebase.account.keycloak.KeycloakUnavailableException} (network, timeouts, 5xx, or our own
 * credentials refused). None of their messages carries an email address or a token.
 */
package org.securebase.account.keycloak;
