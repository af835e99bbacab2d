/**
 * account-service: the practice's side of identity. Keycloak keeps credentials, login, MFA and sessions; this
 * service keeps who is a client, a therapist or an admin, where each invitation stands, and which therapist
 * each client belongs to, and tells the other services through {@code securebase.accounts.v1} (the event
 * contracts and the outbox are platform-events', the events kit: a feature publishes with {@code IntegrationEvents}).
 *
 * <p>Packaged by feature; a feature uses another only through its public types (never its repository):
 * <ul>
 *   <li>{@code keycloak}: the port to Keycloak's Admin REST API and its adapter;</li>
 *   <li>{@code account}: the account table, admin search, deactivation and reactivation;</li>
 *   <li>{@code invitation}: inviting people through Keycloak, and resending invitations;</li>
 *   <li>{@code caseload}: which therapist each client belongs to, with history;</li>
 *   <li>{@code reconciliation}: catching up with changes made directly in Keycloak;</li>
 *   <li>{@code me}: the signed-in person's own view.</li>
 * </ul>
 */
package org.securebase.account;
