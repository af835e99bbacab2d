package org.securebase.platform.events.accounts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.securebase.platform.events.EventContract;
import org.securebase.platform.events.EventPayload;
import org.securebase.platform.events.Topics;

/**
 * Someone other than the client saw that they are a client of the practice (their name on an admin's list, their
 * account opened, their place on a caseload): being a client is itself protected. account-service announces each
 * such read; journal-service keeps it in the access audit beside the reads of clinical data, where the client's "Who
 * has seen my data" shows it. Ids and a view name only; the actor's name comes from the audit's own records.
 *
 * @param readId    unique per read, stable across redeliveries
 * @param actorId   who saw it
 * @param actorRole their role
 * @param clientId  whose identity; the envelope's aggregate and key
 * @param view      where: {@code ACCOUNT_LIST}, {@code ACCOUNT}, {@code CASELOAD}, {@code CASELOAD_HISTORY},
 *                  {@code SECURITY_EVENTS}, {@code RIGHTS_REQUESTS}
 * @param listed    true when it appeared in a list, false when opened on its own
 * @param readAt    when
 */
@EventContract(topic = Topics.ACCOUNT_READS, schemaVersion = 1)
public record ClientIdentityRead(UUID readId, UUID actorId, AccountRole actorRole, UUID clientId, String view,
                                 boolean listed, Instant readAt) implements EventPayload {

    public ClientIdentityRead {
        Objects.requireNonNull(readId, "readId");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(actorRole, "actorRole");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(readAt, "readAt");
    }

    @Override
    public UUID aggregateId() {
        return clientId;
    }
}
