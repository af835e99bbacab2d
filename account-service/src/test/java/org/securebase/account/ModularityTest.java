package org.securebase.account;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature packages form an acyclic graph and use each other only through their public types (Spring
 * Modulith treats each package under org.securebase.account as a module). Fails, for instance, if the account
 * feature starts calling the caseload feature while caseload calls account.
 */
class ModularityTest {

    @Test
    void featurePackagesHaveNoCyclesAndUseOnlyEachOthersPublicTypes() {
        ApplicationModules.of(AccountServiceApplication.class).verify();
    }
}
