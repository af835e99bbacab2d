/**
 * The events of {@code securebase.accounts.v1} and the outbox that sends them.
 *
 * <p>Contracts (records implementing {@link org.securebase.account.events.AccountsEventPayload}, each with its
 * {@code TYPE} and {@code SCHEMA_VERSION}): {@code AccountInvited}, {@code AccountActivated},
 * {@code AccountDeactivated}, {@code AccountReactivated}, {@code RoleChanged} (key: the account), and
 * {@code CaseloadAssigned}, {@code CaseloadEnded} (key: the client). Ids, roles (enum names such as
 * {@code THERAPIST}), a display name, times and the per-account {@code sequence}; never an email address. They
 * belong in platform-events once journal-service consumes them; they are written so they can move there as they
 * are.
 *
 * <p>The outbox: {@link org.securebase.account.events.AccountsEvents} publishes an
 * {@link org.securebase.account.events.AccountsEvent} inside the business transaction (MANDATORY); Spring
 * Modulith's JPA event publication registry stores it in {@code event_publication} in that transaction; after the
 * commit its Kafka externalizer sends the shared envelope (written by platform-events' {@code EventJson}) on one
 * relay thread, and the publication is completed when the broker acknowledged it. Failed sends are resubmitted
 * by {@code OutboxMaintenance}; unsent ones again on restart.
 */
package org.securebase.account.events;
