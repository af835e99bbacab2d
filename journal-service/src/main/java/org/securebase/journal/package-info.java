/**
 * journal-service: the clinical heart of Secure Base. Package by feature: {@code assignment}, {@code feedback},
 * {@code entry}, {@code audit}, the projections {@code caseload} and {@code catalog}, {@code crypto}, and the
 * shared plumbing {@code web} (HTTP) and {@code messaging} (Kafka). A feature uses another only through that
 * feature's small public types, never its repository.
 */
package org.securebase.journal;
