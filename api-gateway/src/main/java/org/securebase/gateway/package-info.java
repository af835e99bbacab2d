/**
 * The one public origin: routes the portal, Keycloak under {@code /auth} and the three APIs, and keeps
 * closed what must never be reached from outside (Keycloak's admin console and master realm, every
 * service's actuator).
 */
package org.securebase.gateway;
