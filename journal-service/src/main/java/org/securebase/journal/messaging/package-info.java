/**
 * Kafka plumbing shared by the projections (catalog, caseload): the error handler that parks poison records in
 * {@code <topic>.dlt}, and the ledger of processed event ids (table {@code processed_event}) that makes a
 * redelivered or replayed event a no-op.
 */
package org.securebase.journal.messaging;
