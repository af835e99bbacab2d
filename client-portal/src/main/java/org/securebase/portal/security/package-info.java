/**
 * The portal as a backend-for-frontend: OIDC authorization code with PKCE against Keycloak, tokens kept
 * on the server, the browser holding only an HttpOnly session cookie; logout that ends the Keycloak
 * session too, and back-channel logout that ends portal sessions when their Keycloak session ends elsewhere;
 * security headers for every page.
 */
package org.securebase.portal.security;
