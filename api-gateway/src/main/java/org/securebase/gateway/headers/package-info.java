/**
 * Header hygiene at the one public door. On the way in: forwarding, client-address and internal headers
 * from outside are dropped before anything reads them, the request gets its {@code X-Request-Id}, a W3C
 * {@code traceparent} is kept only when well-formed, and the gateway alone decides what is traced
 * ({@link org.securebase.gateway.headers.EdgeSampling}). On the way to a backend: the gateway's own
 * {@code X-Forwarded-*} headers, taken from the TCP connection. On the way out: security headers on every
 * response, filling gaps rather than overriding what the portal and Keycloak decided for their pages.
 */
package org.securebase.gateway.headers;
