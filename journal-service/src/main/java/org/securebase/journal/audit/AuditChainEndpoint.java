package org.securebase.journal.audit;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/**
 * The audit's verification command, on the management port (never public):
 * {@code curl http://<journal-service>:9083/actuator/auditchain}. Seals what is due first, then walks the chain and
 * reports the rows and seals checked and the first broken row, if any (docs/operations.md).
 */
@Component
@Endpoint(id = "auditchain")
class AuditChainEndpoint {

    private final AuditChain chain;

    AuditChainEndpoint(AuditChain chain) {
        this.chain = chain;
    }

    @ReadOperation
    AuditChain.Report verify() {
        chain.seal();
        return chain.verify();
    }
}
