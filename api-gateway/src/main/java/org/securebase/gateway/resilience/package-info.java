/**
 * One slow or dead backend must not take the gateway or the other routes with it. Each route has its own
 * response timeout (route metadata {@code response-timeout}), its own Resilience4j circuit breaker and
 * semaphore bulkhead (named after the route id), and what goes wrong upstream is classified here as
 * 502, 503 or 504 - answered as problem+json that names no internal host.
 */
package org.securebase.gateway.resilience;
