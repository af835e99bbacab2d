/**
 * Every response the gateway writes itself is RFC 9457 problem+json in the services' shape (type URN, title,
 * status, detail, instance, requestId), and never names an internal host, port or exception. Also the
 * last-resort error handler that turns what escapes the filters into such a response.
 */
package org.securebase.gateway.problem;
