/**
 * The token check at the edge for {@code /api/**}: the same rules as the services' Keycloak adapter
 * (platform-security {@code KeycloakJwtDecoders}) - RS256 only, keys from Keycloak's internal JWKS, {@code iss}
 * equal to the public issuer, {@code exp}/{@code nbf} with 30 s skew and {@code exp} required, a non-blank
 * {@code sub}, and {@code aud} containing the audience of the route's service (route metadata
 * {@code audience}) - rebuilt on the reactive decoder, since the gateway must not pull in the servlet stack.
 * The token is still forwarded: the services check it again and decide authorization themselves.
 */
package org.securebase.gateway.edge;
