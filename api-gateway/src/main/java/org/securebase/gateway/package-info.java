/**
 * The one public origin: routes the portal, Keycloak under {@code /auth} and the three APIs, and keeps
 * closed what must never be reached from outside (Keycloak's admin console and master realm, every
 * service's actuator). The edge features live in their own packages, in the order a request meets them:
 * {@code headers} (hygiene, request id, trace context, security headers), this package's closed doors,
 * {@code edge} (token check), {@code ratelimit}, {@code limits} (body size), {@code resilience} (timeouts,
 * circuit breakers, bulkheads); {@code problem} writes every response the gateway answers itself.
 */
package org.securebase.gateway;
