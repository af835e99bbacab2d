/**
 * journal-service: the clinical heart of Secure Base. Package by feature: {@code assignment}, {@code feedback},
 * {@code entry}, {@code audit}, the projections {@code caseload} and {@code catalog}, {@code crypto}, and the
 * shared HTTP plumbing {@code web}. A feature uses another only through that feature's small public types, never its
 * repository (checked by {@code ModularityTest}). Events are published and consumed through platform-events, the
 * events kit: a feature calls {@code IntegrationEvents.publish} in its transaction, and a projection has one
 * {@code @IntegrationEventListener} method per event type.
 */
package org.securebase.journal;
