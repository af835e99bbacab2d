package org.securebase.journal.crypto;

import org.securebase.platform.events.accounts.AccountErased;
import org.securebase.platform.events.accounts.AccountRole;
import org.securebase.platform.events.consumer.IntegrationEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Destroys an erased client's key when account-service announces the erasure: from then on nothing of theirs
 * decrypts, in this database, in its backups, or in any copy (ADR 0036). Destroying twice (a redelivery) changes
 * nothing.
 */
@Component
class ClientKeyErasure {

    private static final Logger log = LoggerFactory.getLogger(ClientKeyErasure.class);

    private final ClientKeys clientKeys;

    ClientKeyErasure(ClientKeys clientKeys) {
        this.clientKeys = clientKeys;
    }

    @IntegrationEventListener(consumer = "client-keys")
    void on(AccountErased erased) {
        if (erased.role() != AccountRole.CLIENT) {
            return;
        }
        if (clientKeys.erase(erased.accountId())) {
            log.info("Destroyed the key of erased client {}", erased.accountId());
        }
    }
}
