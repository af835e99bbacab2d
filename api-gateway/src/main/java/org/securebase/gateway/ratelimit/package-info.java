/**
 * In-memory token buckets, one per key and policy, in this gateway instance (there is no shared store; see
 * docs/adr/0006-rate-limits-per-gateway-instance.md). A request with a token the edge accepted is counted
 * against its user ({@code sub}); every other request - portal pages, Keycloak's login pages, the API docs,
 * and API calls whose token was missing or refused - against its client address. Inviting people costs an
 * extra, much smaller per-user budget. Over the limit: 429 problem+json with {@code Retry-After}.
 */
package org.securebase.gateway.ratelimit;
