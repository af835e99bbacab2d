package org.securebase.platform.events.accounts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.securebase.platform.events.EventContract;
import org.securebase.platform.events.Topics;

/**
 * A person was invited (or an account created directly in Keycloak was taken over and has not shown up yet).
 * No email address: a display name is all another service needs.
 */
@EventContract(topic = Topics.ACCOUNTS, schemaVersion = 1)
public record AccountInvited(UUID accountId, long sequence, AccountRole role, String displayName,
                             Instant invitedAt) implements AccountEvent {

    public AccountInvited {
        AccountEvent.requireSequence(sequence);
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(invitedAt, "invitedAt");
    }

    @Override
    public UUID aggregateId() {
        return accountId;
    }
}
