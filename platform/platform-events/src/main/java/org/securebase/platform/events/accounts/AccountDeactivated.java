package org.securebase.platform.events.accounts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.securebase.platform.events.EventContract;
import org.securebase.platform.events.Topics;

/** The person can no longer log in; their sessions were ended. Other services refuse them too. */
@EventContract(topic = Topics.ACCOUNTS, schemaVersion = 1)
public record AccountDeactivated(UUID accountId, long sequence, AccountRole role, StatusChangeCause cause,
                                 Instant deactivatedAt) implements AccountEvent {

    public AccountDeactivated {
        AccountEvent.requireSequence(sequence);
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(deactivatedAt, "deactivatedAt");
    }

    @Override
    public UUID aggregateId() {
        return accountId;
    }
}
