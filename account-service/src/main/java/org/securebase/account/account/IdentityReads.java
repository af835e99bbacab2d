package org.securebase.account.account;

import java.time.Clock;
import java.util.Collection;
import java.util.UUID;

import org.securebase.platform.events.accounts.AccountRole;
import org.securebase.platform.events.accounts.ClientIdentityRead;
import org.securebase.platform.events.outbox.IntegrationEvents;
import org.securebase.platform.security.Caller;
import org.securebase.platform.security.Role;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records that someone other than a client saw that client's identity: their name on an admin's list, their account
 * opened, their place on a caseload. Being a client of a practice is itself protected, so these reads go into the
 * access audit like reads of clinical data (journal-service keeps it; this announces each read as a
 * {@code ClientIdentityRead}). Only clients' identities, and never a person's own.
 */
@Component
public class IdentityReads {

    private final IntegrationEvents events;
    private final Clock clock;

    IdentityReads(IntegrationEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Where an identity was seen. */
    public enum View {
        ACCOUNT_LIST, ACCOUNT, CASELOAD, CASELOAD_HISTORY, SECURITY_EVENTS, RIGHTS_REQUESTS
    }

    @Transactional
    public void opened(Caller reader, AccountSnapshot account, View view) {
        record(reader, account, view, false);
    }

    @Transactional
    public void listed(Caller reader, Collection<AccountSnapshot> accounts, View view) {
        accounts.forEach(account -> record(reader, account, view, true));
    }

    private void record(Caller reader, AccountSnapshot account, View view, boolean listed) {
        if (account.role() != Role.CLIENT || account.id().equals(reader.id())) {
            return;
        }
        events.publish(new ClientIdentityRead(UUID.randomUUID(), reader.id(), AccountRole.valueOf(reader.role().name()),
                account.id(), view.name(), listed, clock.instant()));
    }
}
