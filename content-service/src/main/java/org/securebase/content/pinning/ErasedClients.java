package org.securebase.content.pinning;

import org.securebase.platform.events.accounts.AccountErased;
import org.securebase.platform.events.accounts.AccountRole;
import org.securebase.platform.events.consumer.IntegrationEventListener;
import org.springframework.stereotype.Component;

/** Drops an erased client's pinned readings when account-service announces the erasure. */
@Component
class ErasedClients {

    private final JdbcPinnedReadings pins;

    ErasedClients(JdbcPinnedReadings pins) {
        this.pins = pins;
    }

    @IntegrationEventListener(consumer = "pinned-readings-erasures")
    void on(AccountErased erased) {
        if (erased.role() == AccountRole.CLIENT) {
            pins.forget(erased.accountId());
        }
    }
}
