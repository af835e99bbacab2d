package org.securebase.platform.events.accounts;

import org.securebase.platform.events.EventPayload;

/**
 * An event on the accounts topic.
 *
 * <p>Every one carries {@code sequence}: the account's event counter, starting at 1 and one higher with each event
 * keyed by that account. Kafka keeps one account's events in order on its partition, but a publication that failed
 * and is retried later can arrive after a newer one; a consumer that remembers the highest sequence per account can
 * ignore the stale event instead of, say, giving a former therapist their client back.
 */
public sealed interface AccountEvent extends EventPayload
        permits AccountInvited, AccountActivated, AccountDeactivated, AccountReactivated, RoleChanged,
        CaseloadAssigned, CaseloadEnded, AccountErased {

    /** The account's event counter at this event. */
    long sequence();

    /** Refuses a sequence below 1: a field missing from the JSON would otherwise read as 0 and look stale. */
    static long requireSequence(long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be at least 1");
        }
        return sequence;
    }
}
