package org.securebase.platform.events.accounts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.securebase.platform.events.EventContract;
import org.securebase.platform.events.Topics;

/**
 * The person showed up: they verified their email through the invitation link or logged in for the first time
 * (or an account found already active in Keycloak was taken over).
 */
@EventContract(topic = Topics.ACCOUNTS, schemaVersion = 1)
public record AccountActivated(UUID accountId, long sequence, AccountRole role, String displayName,
                               Instant activatedAt) implements AccountEvent {

    public AccountActivated {
        AccountEvent.requireSequence(sequence);
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(activatedAt, "activatedAt");
    }

    @Override
    public UUID aggregateId() {
        return accountId;
    }
}
