package org.securebase.account.reconciliation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled     whether it runs on its own (at start-up and on schedule); it can always be run on demand
 * @param interval    time between the end of one run and the start of the next
 * @param importGrace Keycloak users younger than this whose invitation is still pending are not adopted yet (an
 *                    invitation here may still be writing its row)
 * @param pageSize    how many users are read from Keycloak, and accounts from the database, at a time
 */
@ConfigurationProperties("securebase.accounts.reconciliation")
public record ReconciliationProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("PT5M") Duration interval,
        @DefaultValue("PT2M") Duration importGrace,
        @DefaultValue("100") int pageSize) {
}
