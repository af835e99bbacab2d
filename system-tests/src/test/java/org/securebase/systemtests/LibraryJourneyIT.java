package org.securebase.systemtests;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
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

    @Test
    void aReadingWrittenInSpanishIsFoundWithSpanishWordsAndMarkedAsSpanish() {
        // Letters only, and new each run, so no other article matches and the Spanish stemmer keeps it whole.
        String word = "zorblat" + Long.toString(System.nanoTime(), 36).replaceAll("[^a-z]", "q");
        String title = "Relaciones que sanan " + word;
        browser.get(stack.publicUrl() + "/");
        Browser.logIn(browser, "therapist@securebase.test", stack.demoPassword());
        browser.get(stack.publicUrl() + "/writing/new");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("writing-form")));
        browser.findElement(By.id("title")).sendKeys(title);
        new Select(browser.findElement(By.id("language"))).selectByValue("es");
        browser.findElement(By.id("markdown")).sendKeys("Las relaciones seguras ayudan a sanar las heridas del apego.");
        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("publish-form")));
        assertThat(new Select(browser.findElement(By.id("language"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("es");
        browser.findElement(By.id("publish-confirm")).click();
        browser.findElement(By.id("publish")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("retract")));
        browser.quit();
        // The client in a browser of their own (the therapist's Keycloak session would sign them in as the therapist).
        browser = Browser.open();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        // The client searches in Spanish: the singular with its accent finds "relaciones".
        browser.get(stack.publicUrl() + "/library?q=" + java.net.URLEncoder.encode("relación " + word,
                java.nio.charset.StandardCharsets.UTF_8));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-form-login")));
        browser.findElement(By.id("username")).sendKeys("client@securebase.test");
        browser.findElement(By.id("password")).sendKeys(stack.demoPassword());
        browser.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("library-results")));
        assertThat(browser.findElements(By.cssSelector("#library-results li h2"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("#library-results li h2")).getAttribute("lang")).isEqualTo("es");
        assertThat(browser.findElement(By.cssSelector("#library-results li .language")).getText()).isEqualTo("In Spanish");
        browser.findElement(By.linkText(title)).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.reading h1")));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.cssSelector("article.reading h1")).getAttribute("lang")).isEqualTo("es");
        assertThat(browser.findElement(By.cssSelector(".reading-body")).getAttribute("lang")).isEqualTo("es");
        assertThat(browser.findElement(By.cssSelector(".reading-body")).getText()).contains("Las relaciones seguras");
        assertThat(Browser.seriousViolations(browser, "client-reading-in-spanish")).isEmpty();
    }
}
