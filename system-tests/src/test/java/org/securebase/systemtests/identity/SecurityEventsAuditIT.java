package org.securebase.systemtests.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.securebase.localstack.SecureBaseStack;
import org.securebase.platform.embedded.keycloak.OidcBrowserlessLogin.LoginResult;
import org.securebase.platform.embedded.keycloak.OidcBrowserlessLogin.Step;
import org.securebase.systemtests.Browser;
import org.securebase.systemtests.RunningStack;
import org.securebase.systemtests.authorization.StackAccess;

/**
 * The admin's access audit shows what happened to a person's identity during the test, from Keycloak's real login
 * and admin events: a failed sign-in, a second factor set up, a role given.
 */
@ExtendWith(RunningStack.class)
class SecurityEventsAuditIT {

    private static final String PASSWORD = "Watched-person-password-2026";

    private SecureBaseStack stack;
    private StackAccess access;
    private WebDriver admin;

    @BeforeEach
    void connect() {
        stack = RunningStack.get();
        access = StackAccess.of(stack);
    }

    @AfterEach
    void closeBrowser() {
        if (admin != null) {
            admin.quit();
        }
    }

    @Test
    void theAdminSeesAFailedSignInASecondFactorAndARoleChange() {
        String run = StackAccess.runMark();
        String email = "wes.watched." + run + "@example.org";
        UUID id = UUID.fromString(access.keycloakAdmin().createUser(email, "Wes", "Watched-" + run, PASSWORD, "therapist"));
        assertThat(access.portal().attempt(email, "Not-" + PASSWORD, null, false).step()).isEqualTo(Step.INVALID_CREDENTIALS);
        LoginResult enrolled = access.portal().attempt(email, PASSWORD, null, true);
        assertThat(enrolled.step()).as(enrolled.message()).isEqualTo(Step.TOKENS);

        admin = Browser.open();
        admin.get(stack.publicUrl() + "/");
        Browser.logIn(admin, "admin@securebase.test", stack.demoPassword());
        admin.get(stack.publicUrl() + "/audit?subject=" + id);
        WebElement table = new WebDriverWait(admin, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("security-events")));

        List<String> kinds = table.findElements(By.cssSelector("tbody tr")).stream()
                .map(row -> row.getDomAttribute("data-kind")).toList();
        assertThat(kinds).as("newest first").containsSubsequence("second_factor_added", "sign_in_failed", "role_granted");
        String text = table.getText();
        assertThat(text).contains("Failed sign-in (wrong password)").contains("Second factor set up").contains("Role given");
        assertThat(Browser.accessibilityViolations(admin, "admin-security-events")).isEmpty();
    }
}
