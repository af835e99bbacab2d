package org.securebase.gateway;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The gateway's feature packages (edge, exchange, headers, limits, problem, ratelimit, resilience) form no cycle.
 * Spring Modulith's verification assumes a servlet application's module layout; ArchUnit's slices rule says the same
 * for this reactive one. Fails, for instance, if the rate limiter starts using a type of the edge filters while they
 * already use its types.
 */
class PackageBoundariesTest {

    private static final JavaClasses GATEWAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.securebase.gateway");

    @Test
    void featurePackagesFormNoCycle() {
        slices().matching("org.securebase.gateway.(*)..").should().beFreeOfCycles().check(GATEWAY);
    }
}
