package org.securebase.systemtests;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.securebase.localstack.SecureBaseStack;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A person logs in through Keycloak's own login page, behind the gateway, and out again. */
@ExtendWith(RunningStack.class)
class LoginJourneyIT {

    private WebDriver browser;
    private WebDriverWait wait;
    private SecureBaseStack stack;

    @BeforeEach
    void openBrowser() {
        stack = RunningStack.get();
        browser = Browser.open();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void demoClientLogsInThroughKeycloakAndIsGreetedByName() {
        browser.get(stack.publicUrl() + "/");
        submitLogin("client@securebase.test", stack.demoPassword());

        WebElement greeting = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("greeting")));
        assertThat(greeting.getText()).isEqualTo("Hello, Casey");
        assertThat(browser.findElement(By.id("role")).getText()).contains("Casey Client").contains("client");
        assertThat(browser.getCurrentUrl()).startsWith(stack.publicUrl());
        assertThat(browser.manage().getCookieNamed("SB_SESSION").isHttpOnly()).isTrue();
        Browser.screenshot(browser, "client-home");
    }

    @Test
    void wrongPasswordIsRefusedWithKeycloaksMessage() {
        browser.get(stack.publicUrl() + "/");
        submitLogin("client@securebase.test", "not-the-password-at-all");

        // Keycloak's own message, shown on its own login form again (the exact element differs by theme). The
        // condition reads the body afresh on each poll: the form's own page may still be replaced by the answer.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Invalid username or password."));
        assertThat(browser.findElements(By.id("kc-form-login"))).isNotEmpty();
        assertThat(browser.findElements(By.id("greeting"))).isEmpty();
    }

    @Test
    void afterLogoutTheLoginPageIsShownAndBackDoesNotRevealHome() {
        browser.get(stack.publicUrl() + "/");
        submitLogin("client@securebase.test", stack.demoPassword());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("greeting")));
        // An unsaved homework draft, as homework.js keeps one when a save fails; signing out must not leave it.
        JavascriptExecutor script = (JavascriptExecutor) browser;
        script.executeScript("localStorage.setItem('securebase.draft.someone.some-assignment.some-prompt',"
                + " JSON.stringify({savedAt: Date.now(), value: {kind: 'TEXT', text: 'unsaved'}}));"
                + " localStorage.setItem('unrelated', 'kept');");

        browser.findElement(By.cssSelector("form.logout button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-form-login")));
        // Keycloak's login page is on the same origin (behind the gateway), so it sees the same storage.
        assertThat(script.executeScript("return Object.keys(localStorage).filter(function (k) {"
                + " return k.indexOf('securebase.draft.') === 0; }).length;")).as("drafts left after logout").isEqualTo(0L);
        assertThat(script.executeScript("return localStorage.getItem('unrelated');")).isEqualTo("kept");

        browser.navigate().back();
        wait.until(driver -> driver.findElements(By.id("kc-form-login")).size() > 0
                || driver.findElements(By.id("greeting")).size() > 0);
        assertThat(browser.findElements(By.id("greeting"))).isEmpty();
        assertThat(browser.findElements(By.id("kc-form-login"))).isNotEmpty();
    }

    private void submitLogin(String username, String password) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-form-login")));
        assertThat(browser.getCurrentUrl()).startsWith(stack.publicUrl() + "/auth/realms/securebase/");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
    }
}
