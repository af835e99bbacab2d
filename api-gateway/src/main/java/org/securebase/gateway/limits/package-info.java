/**
 * Size limits at the door. Request bodies: {@code securebase.limits.max-body-size} (1 MiB), or a route's
 * {@code max-body-size} metadata; a declared {@code Content-Length} over the limit is refused before anything is
 * forwarded, a streamed (chunked) body is counted and cut off where it crosses the limit. Headers are limited by
 * the server itself ({@code server.max-http-request-header-size}, 16 KB) and the request line by Netty's decoder
 * (4096 bytes); {@link org.securebase.gateway.limits.UndecodableRequests} answers those refusals (431, 414, and 400
 * for a malformed request head) with problem+json instead of Reactor Netty's empty body.
 */
package org.securebase.gateway.limits;
