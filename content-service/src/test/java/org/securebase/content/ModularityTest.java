package org.securebase.content;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature packages (article, rendering, search, seed, events, pinning, web) form an acyclic graph and use
 * each other only through their public types: Spring Modulith treats each package under
 * org.securebase.content as a module. Fails, for instance, if search starts using the article repository.
 */
class ModularityTest {

    @Test
    void featurePackagesHaveNoCyclesAndUseOnlyEachOthersPublicTypes() {
        ApplicationModules.of(ContentServiceApplication.class).verify();
    }
}
