/**
 * What the gateway has learned about one request and shares between its features: the request id, the
 * authenticated subject (set only by the edge token check), the client address as a rate-limit key, and
 * whether a response was written by the gateway itself. Also the MDC helper that puts the request id into
 * the gateway's own log lines.
 */
package org.securebase.gateway.exchange;
