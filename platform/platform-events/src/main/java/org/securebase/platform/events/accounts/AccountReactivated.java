package org.securebase.platform.events.accounts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.securebase.platform.events.EventContract;
import org.securebase.platform.events.Topics;

/** A deactivated person may log in again. */
@EventContract(topic = Topics.ACCOUNTS, schemaVersion = 1)
public record AccountReactivated(UUID accountId, long sequence, AccountRole role, StatusChangeCause cause,
                                 Instant reactivatedAt) implements AccountEvent {

    public AccountReactivated {
        AccountEvent.requireSequence(sequence);
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(reactivatedAt, "reactivatedAt");
    }

    @Override
    public UUID aggregateId() {
        return accountId;
    }
}
