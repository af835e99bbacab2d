package org.securebase.account.events;

import java.util.UUID;

/**
 * The payload of an event on {@code securebase.accounts.v1}. Each implementation is a record whose components are
 * the JSON fields; {@code type()}, {@code schemaVersion()} and {@code accountId()} feed the envelope and are not
 * components.
 *
 * <p>Every payload carries {@code sequence}: the account's event counter, one higher with each event keyed by
 * that account. Kafka keeps one account's events in order on its partition, but a publication that failed and
 * is retried later can arrive after a newer one; a consumer that remembers the highest sequence per account can
 * ignore the stale event instead of, say, giving a former therapist their client back.
 */
public sealed interface AccountsEventPayload
        permits AccountInvited, AccountActivated, AccountDeactivated, AccountReactivated, RoleChanged,
        CaseloadAssigned, CaseloadEnded {

    /** The envelope's {@code type}. */
    String type();

    /** The envelope's {@code schemaVersion}. */
    int schemaVersion();

    /** The envelope's aggregate id and the record key: the account the event belongs to. */
    UUID key();

    /** The account's event counter at this event. */
    long sequence();
}
