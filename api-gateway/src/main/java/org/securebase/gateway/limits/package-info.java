/**
 * Size limits at the door. Request bodies: {@code securebase.limits.max-body-size} (1 MiB), or a route's
 * {@code max-body-size} metadata; a declared {@code Content-Length} over the limit is refused before anything is
 * forwarded, a streamed (chunked) body is counted and cut off where it crosses the limit. Headers are limited by
 * the server itself ({@code server.max-http-request-header-size}, answered with 431 by Reactor Netty).
 */
package org.securebase.gateway.limits;
