/**
 * Distributed tracing, the same in every Secure Base process (the services, the portal and the gateway).
 *
 * <p>Adding this module gives a process Spring Boot's OpenTelemetry support with these settings
 * ({@code securebase-tracing-defaults.yml}):
 * <ul>
 *   <li>tracing is on only when {@code SECUREBASE_TRACING_ENDPOINT} names an OTLP/HTTP traces endpoint
 *       ({@link org.securebase.platform.tracing.TracingDefaultsEnvironmentPostProcessor}); without it there is no
 *       tracer and nothing is spent;</li>
 *   <li>W3C Trace Context only, no baggage; sampling {@code SECUREBASE_TRACING_SAMPLING} (default 1.0), decided
 *       at the gateway and followed by everything after it;</li>
 *   <li>every exported span passes {@link org.securebase.platform.tracing.RedactingSpanExporter}: no exception
 *       message or stack trace, no status text, no query string leaves the process.</li>
 * </ul>
 * Kafka records carry the context of the request that made their event: the events kit stores it in the outbox
 * beside the envelope and sends it as the record's {@code traceparent} header.
 */
package org.securebase.platform.tracing;
