package org.securebase.platform.events.accounts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.securebase.platform.events.EventContract;
import org.securebase.platform.events.Topics;

/** The person's Secure Base role changed (in Keycloak; found by account-service's reconciliation). */
@EventContract(topic = Topics.ACCOUNTS, schemaVersion = 1)
public record RoleChanged(UUID accountId, long sequence, AccountRole previousRole, AccountRole role,
                          Instant changedAt) implements AccountEvent {

    public RoleChanged {
        AccountEvent.requireSequence(sequence);
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(previousRole, "previousRole");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    @Override
    public UUID aggregateId() {
        return accountId;
    }
}
