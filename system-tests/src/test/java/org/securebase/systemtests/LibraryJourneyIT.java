package org.securebase.systemtests;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.securebase.localstack.SecureBaseStack;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed article travels the whole way: content-service publishes it on first start, the portal reads it
 * through the gateway with the client's token, and the browser shows its headings and lists.
 */
@ExtendWith(RunningStack.class)
class LibraryJourneyIT {

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
    void clientFindsAndReadsTheSeedArticle() {
        browser.get(stack.publicUrl() + "/library?q=attachment");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-form-login")));
        browser.findElement(By.id("username")).sendKeys("client@securebase.test");
        browser.findElement(By.id("password")).sendKeys(stack.demoPassword());
        browser.findElement(By.id("kc-login")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("library-results")));
        browser.findElement(By.linkText("Attachment and Healing: Why Relationships in Therapy Matter")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.reading h1")));
        String body = browser.findElement(By.cssSelector(".reading-body")).getText();
        assertThat(body).contains("How Attachment Wounds Show Up")
                .contains("Difficulty trusting others")
                .contains("The therapeutic relationship can become a secure base")
                .doesNotContain("Next\nNext");
        assertThat(browser.findElements(By.cssSelector(".reading-body ul li"))).hasSizeGreaterThanOrEqualTo(19);
        Browser.screenshot(browser, "client-reading");
    }
}
