package org.securebase.journal;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature packages (assignment, feedback, entry, audit, caseload, catalog, crypto, web) form an acyclic graph and
 * use each other only through their public types: Spring Modulith treats each package under org.securebase.journal
 * as a module. Fails, for instance, if feedback starts using the assignment repository.
 */
class ModularityTest {

    @Test
    void featurePackagesHaveNoCyclesAndUseOnlyEachOthersPublicTypes() {
        ApplicationModules.of(JournalServiceApplication.class).verify();
    }
}
