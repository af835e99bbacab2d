package org.securebase.systemtests.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.securebase.localstack.SecureBaseStack;
import org.securebase.systemtests.Browser;
import org.securebase.systemtests.RunningStack;
import org.securebase.systemtests.authorization.StackAccess;

/**
 * "Sign-in and security" in a real browser against the real Keycloak: a client changes their password from the
 * portal (Keycloak's own page, through an application-initiated action) and comes back signed in; the old password
 * no longer signs in, the new one does; and the devices link opens Keycloak's device activity, where signing out of
 * all devices ends the portal session as well.
 */
@ExtendWith(RunningStack.class)
class SignInAndSecurityIT {

    private static final String PASSWORD = "Careful-client-password-2026";
    private static final String NEW_PASSWORD = "Chosen-anew-password-2026";

    private SecureBaseStack stack;
    private StackAccess access;
    private WebDriver browser;

    @BeforeEach
    void connect() {
        stack = RunningStack.get();
        access = StackAccess.of(stack);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aClientChangesTheirPasswordAndSignsOutEverywhereFromThePortal() {
        String run = StackAccess.runMark();
        String email = "cass.careful." + run + "@example.org";
        access.keycloakAdmin().createUser(email, "Cass", "Careful-" + run, PASSWORD, "client");
        browser = Browser.open();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(stack.publicUrl() + "/");
        Browser.logIn(browser, email, PASSWORD);

        browser.findElement(By.linkText("Sign-in and security")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("change-password")));
        assertThat(Browser.accessibilityViolations(browser, "sign-in-and-security")).isEmpty();

        browser.findElement(By.id("change-password")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-new")));
        browser.findElement(By.id("password-new")).sendKeys(NEW_PASSWORD);
        browser.findElement(By.id("password-confirm")).sendKeys(NEW_PASSWORD);
        browser.findElement(By.cssSelector("#kc-passwd-update-form [type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("greeting")));

        assertThat(access.portal().attempt(email, PASSWORD, null, false).succeeded()).as("the old password").isFalse();
        assertThat(access.portal().attempt(email, NEW_PASSWORD, null, false).succeeded()).as("the new password").isTrue();

        browser.get(stack.publicUrl() + "/settings/security");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("devices"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Sign out all devices']"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Confirm']"))).click();

        // Keycloak ended every session of the person and told the portal (back-channel logout): the portal's own
        // session is gone too, so the portal asks for a sign-in rather than greeting them
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-form-login")));
        browser.get(stack.publicUrl() + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-form-login")));
        assertThat(browser.findElements(By.id("greeting"))).isEmpty();
    }
}
