/**
 * content-service: the practice's reading library (see {@code docs/architecture.md}), packaged by feature:
 * {@code article} (articles, versions, their events), {@code rendering} (Markdown to sanitized HTML and sections),
 * {@code search} (the catalog and full-text search), {@code seed} (the first reading), {@code pinning} (versions
 * assigned to clients, from journal-service's events), {@code accounts} (who is deactivated, from
 * account-service's events) and {@code web} (request limits, the OpenAPI document). Events go out and come in
 * through platform-events, the events kit.
 */
package org.securebase.content;
