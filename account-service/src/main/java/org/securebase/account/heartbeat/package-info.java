/**
 * Heartbeats on {@code securebase.accounts.v1}: every {@code securebase.accounts.heartbeat.interval} (10 s), one
 * {@code AccountsHeartbeat} to each partition, through the outbox, saying how far this service's delivery has come
 * (the oldest event not yet delivered, or now). Consumers that decide who may see what from this topic refuse to
 * decide once the heartbeats stop or fall behind (journal-service's caseload freshness, ADR 0016). Owns nothing; uses
 * the events kit's {@code IntegrationEvents} and {@code OutboxBacklog}.
 */
package org.securebase.account.heartbeat;
