/**
 * Security events for the admin's access audit: sign-ins, failed sign-ins, password and second-factor changes, role
 * grants and account changes, read from Keycloak's login and admin events (kept a year by the realm) through
 * {@link org.securebase.account.keycloak.KeycloakEvents}, named in this service's words
 * ({@link org.securebase.account.securityevent.SecurityEventKind}) and joined with the accounts they are about.
 * Keycloak's events carry no clinical data; this feature passes on only the kind, the time, the person, Keycloak's
 * error code, the client address and whether the change came through Secure Base or Keycloak's own console.
 */
package org.securebase.account.securityevent;
