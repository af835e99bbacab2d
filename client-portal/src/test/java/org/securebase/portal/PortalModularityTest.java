package org.securebase.portal;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.securebase.portal.api.PlatformApi;
import org.securebase.portal.api.PublicApi;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The portal's feature packages (about, accounts, api, assignment, audit, caseload, forms, home, journal, library, measure,
 * security, settings, writing) form no cycle, and pages reach the APIs only through the typed clients: a controller that called
 * {@code PlatformApi} or the {@code RestClient} itself, or any class but a client that built an API's URI, would put
 * paths and DTOs back in the pages. The services check their own modules with Spring Modulith; the portal is not laid
 * out as Modulith modules, so ArchUnit says it here.
 */
class PortalModularityTest {

    private static final JavaClasses PORTAL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.securebase.portal");

    @Test
    void featurePackagesFormNoCycle() {
        slices().matching("org.securebase.portal.(*)..").should().beFreeOfCycles().check(PORTAL);
    }

    @Test
    void controllersReachTheApisOnlyThroughTypedClients() {
        noClasses().that().areAnnotatedWith(Controller.class)
                .or().areAnnotatedWith(RestController.class)
                .or().areAnnotatedWith(ControllerAdvice.class)
                .should().dependOnClassesThat().areAssignableTo(PlatformApi.class)
                .orShould().dependOnClassesThat().areAssignableTo(PublicApi.class)
                .orShould().dependOnClassesThat().areAssignableTo(RestClient.class)
                .because("pages call the typed clients (AssignmentsApi, JournalApi, AccountsApi...), which name each call")
                .check(PORTAL);
    }

    @Test
    void onlyTheTypedClientsUsePlatformApiAndBuildUris() {
        noClasses().that().resideOutsideOfPackage("org.securebase.portal.api..")
                .and().haveSimpleNameNotEndingWith("Api")
                .should().dependOnClassesThat().areAssignableTo(PlatformApi.class)
                .orShould().dependOnClassesThat().areAssignableTo(PublicApi.class)
                .orShould().dependOnClassesThat().areAssignableTo(RestClient.class)
                .orShould().dependOnClassesThat().areAssignableTo(UriBuilder.class)
                .because("an API's paths and query parameters are written once, in its typed client")
                .check(PORTAL);
    }
}
