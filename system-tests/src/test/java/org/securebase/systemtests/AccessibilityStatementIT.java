package org.securebase.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.securebase.localstack.SecureBaseStack;

/**
 * The accessibility statement, in Chromium behind the gateway: anyone opens it without signing in, it passes axe and
 * reflows at 320 px, and a signed-in person reaches it from the footer of their home page.
 */
@ExtendWith(RunningStack.class)
class AccessibilityStatementIT {

    private WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anyoneReadsTheStatementAndEveryoneFindsItInTheFooter() {
        SecureBaseStack stack = RunningStack.get();
        browser = Browser.open();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        browser.get(stack.publicUrl() + "/accessibility");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        assertThat(browser.getCurrentUrl()).as("not sent to log in").isEqualTo(stack.publicUrl() + "/accessibility");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Accessibility statement");
        assertThat(browser.findElement(By.id("known-gaps")).getText()).contains("Keycloak");
        Map<String, Long> overflow = new LinkedHashMap<>();
        for (int width : new int[] {1280, 320}) {
            browser.manage().window().setSize(new Dimension(width, 900));
            assertThat(Browser.accessibilityViolations(browser, "accessibility-statement-" + width))
                    .as("axe at " + width + " px").isEmpty();
            overflow.put(width + " px", Browser.sidewaysOverflow(browser));
        }
        assertThat(overflow).as("sideways scrolling, in px").containsOnly(Map.entry("1280 px", 0L), Map.entry("320 px", 0L));

        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(stack.publicUrl() + "/");
        Browser.logIn(browser, "client@securebase.test", stack.demoPassword());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("greeting")));
        browser.findElement(By.cssSelector("footer #accessibility-link")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Accessibility statement"));
    }
}
