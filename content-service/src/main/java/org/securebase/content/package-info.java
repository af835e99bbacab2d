/**
 * content-service: the practice's reading library (DESIGN.md sections 1 to 3), packaged by feature:
 * {@code article} (articles, versions, events), {@code rendering} (Markdown to sanitized HTML and sections),
 * {@code search} (the catalog and full-text search), {@code seed} (the first reading), {@code events} (the
 * outbox to Kafka), {@code pinning} (versions assigned to clients, from journal-service's events) and
 * {@code web} (request limits, the OpenAPI document).
 */
package org.securebase.content;
