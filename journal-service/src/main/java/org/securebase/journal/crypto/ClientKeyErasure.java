package org.securebase.journal.crypto;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Destroys an erased client's key: from then on nothing of theirs decrypts, in this database, in its backups, or in
 * any copy (ADR 0036). Destroying twice (a redelivery) changes nothing. The caseload feature calls it when
 * account-service announces the erasure ({@code AccountErased}), in the consumer that applies the account's events
 * in order.
 */
@Component
public class ClientKeyErasure {

    private static final Logger log = LoggerFactory.getLogger(ClientKeyErasure.class);

    private final ClientKeys clientKeys;
    private final KeyRotation rotation;
    private final TransactionTemplate ownTransaction;

    ClientKeyErasure(ClientKeys clientKeys, KeyRotation rotation, PlatformTransactionManager transactions) {
        this.clientKeys = clientKeys;
        this.rotation = rotation;
        // Committed before the key is destroyed, whatever becomes of the listener's own transaction: rows sealed in a
        // transaction that then rolled back would be left under the service's keyset with no way to move them.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public void erase(UUID clientId) {
        // First every row of theirs under their own key: one still under the service's keyset of before client keys
        // would otherwise outlive the erasure in every restored copy of the journal database.
        Long moved = clientKeys.isErased(clientId) ? Long.valueOf(0)
                : ownTransaction.execute(status -> rotation.sealUnderClientKey(clientId));
        if (moved != null && moved > 0) {
            log.info("Sealed {} rows of erased client {} under their own key before destroying it", moved,
                    clientId);
        }
        if (clientKeys.erase(clientId)) {
            log.info("Destroyed the key of erased client {}", clientId);
        }
    }
}
