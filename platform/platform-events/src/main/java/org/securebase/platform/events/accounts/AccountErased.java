package org.securebase.platform.events.accounts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.securebase.platform.events.EventContract;
import org.securebase.platform.events.Topics;

/**
 * The person was erased, when their record's retention ended (or the practice allowed it sooner): their Keycloak user
 * is deleted and account-service keeps no name or email of theirs. Every service forgets them: journal-service
 * destroys their key, which makes every ciphertext of theirs unreadable in every copy; each projection drops the
 * person's row. Ids only: an erasure must not itself spread what it erases.
 */
@EventContract(topic = Topics.ACCOUNTS, schemaVersion = 1)
public record AccountErased(UUID accountId, long sequence, AccountRole role, Instant erasedAt) implements AccountEvent {

    public AccountErased {
        AccountEvent.requireSequence(sequence);
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(erasedAt, "erasedAt");
    }

    @Override
    public UUID aggregateId() {
        return accountId;
    }
}
