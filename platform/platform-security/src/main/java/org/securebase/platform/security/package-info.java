/**
 * The Keycloak adapter: the one place where every Secure Base servlet resource server
 * (content-service, journal-service, account-service) turns a Keycloak access token into a
 * Spring Security identity.
 *
 * <p>Adding this module to a service auto-configures (see {@link org.securebase.platform.security.KeycloakAdapterAutoConfiguration}):
 * <ul>
 *   <li>a {@link org.springframework.security.oauth2.jwt.JwtDecoder} that accepts only RS256 tokens
 *       signed by a key from {@code securebase.security.jwk-set-uri}, issued by
 *       {@code securebase.security.issuer-uri}, addressed to {@code securebase.security.audience};</li>
 *   <li>realm roles mapped to {@code ROLE_CLIENT}, {@code ROLE_THERAPIST}, {@code ROLE_ADMIN};</li>
 *   <li>the {@link org.securebase.platform.security.Caller} as a controller argument and through
 *       {@link org.securebase.platform.security.CallerContext};</li>
 *   <li>a stateless default filter chain that services extend with
 *       {@link org.securebase.platform.security.AuthorizationRules} beans;</li>
 *   <li>401, 403 and 503 answers as RFC 9457 problem+json, for the filter chain and for access
 *       decisions taken inside MVC ({@link org.securebase.platform.security.ProblemJsonSecurityExceptionHandler});</li>
 *   <li>the Keycloak addresses of the local stack as lowest-precedence defaults
 *       ({@link org.securebase.platform.security.KeycloakDefaultsEnvironmentPostProcessor}).</li>
 * </ul>
 *
 * <p>Problem+json itself, request ids, the request body limit and the other service defaults are
 * platform-web's ({@code org.securebase.platform.web}), which this module depends on.
 */
package org.securebase.platform.security;
