package org.securebase.journal.audit;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/**
 * The audit's verification command, on the management port (never public):
 * {@code curl http://<journal-service>:9083/actuator/auditchain}. Seals what is due first, then walks the chain and
 * reports the rows and seals checked, the first broken row, if any, and the chain's head (docs/operations.md).
 */
@Component
@Endpoint(id = "auditchain")
class AuditChainEndpoint {

    private final AuditChain chain;

    AuditChainEndpoint(AuditChain chain) {
        this.chain = chain;
    }

    /**
     * {@code ?headRowId=…&headHash=…}: a head recorded earlier (from a previous report or the sealer's log line),
     * which the chain must still contain.
     */
    @ReadOperation
    AuditChain.Report verify(@Nullable Long headRowId, @Nullable String headHash) {
        chain.seal();
        return chain.verify(headRowId, headHash);
    }
}
