package org.securebase.systemtests.xss;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.core.ConditionTimeoutException;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.securebase.systemtests.Browser;

/**
 * One person in their own Chromium, watched by a {@link ScriptProbe} from before the login page on. Every page is
 * loaded until it shows what it must (the gateway's rate limit or an event not yet projected may make a page say
 * "unavailable" for a moment), then checked: the texts it must show literally, the texts it must never show, and
 * the probe's findings.
 */
final class PortalReader implements AutoCloseable {

    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(90);

    /** Every text in the page as the browser parsed it, including form fields' values and the document title. */
    private static final String TEXT = """
            var text = document.documentElement.textContent;
            var fields = document.querySelectorAll('input, textarea, option');
            for (var i = 0; i < fields.length; i++) { text += '\\n' + fields[i].value; }
            return text;
            """;

    private final String baseUrl;
    private final String role;
    private final WebDriver driver;
    private final ScriptProbe probe;
    private int pages;

    private PortalReader(String baseUrl, String role, WebDriver driver, ScriptProbe probe) {
        this.baseUrl = baseUrl;
        this.role = role;
        this.driver = driver;
        this.probe = probe;
    }

    /** Opens a browser, installs the probe, and logs in with a password (the people of this suite need no TOTP). */
    static PortalReader logIn(String baseUrl, String role, String email, String password) {
        WebDriver driver = Browser.open();
        try {
            ScriptProbe probe = ScriptProbe.install(driver);
            driver.get(baseUrl + "/");
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-form-login")));
            driver.findElement(By.id("username")).sendKeys(email);
            driver.findElement(By.id("password")).sendKeys(password);
            driver.findElement(By.id("kc-login")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("greeting")));
            probe.collect(role + " login");
            return new PortalReader(baseUrl, role, driver, probe);
        } catch (RuntimeException e) {
            driver.quit();
            throw e;
        }
    }

    /**
     * Loads {@code path} until it has {@code required} (a CSS selector) and shows every text of {@code literals}
     * exactly; then requires that it shows none of {@code never}, and lets the probe inspect it.
     *
     * @return the page's text, for checks across several pages
     */
    String visit(String path, String required, List<String> literals, List<String> never) {
        AtomicReference<List<String>> missing = new AtomicReference<>(List.of());
        AtomicReference<String> text = new AtomicReference<>("");
        try {
            await(role + " seeing " + path).atMost(PAGE_TIMEOUT).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        driver.get(baseUrl + path);
                        if (driver.findElements(By.cssSelector(required)).isEmpty()) {
                            missing.set(List.of("an element " + required));
                            return false;
                        }
                        text.set(pageText());
                        missing.set(literals.stream().filter(literal -> !text.get().contains(literal)).toList());
                        return missing.get().isEmpty();
                    });
        } catch (ConditionTimeoutException timedOut) {
            Browser.screenshot(driver, "stored-xss-" + role + "-missing");
            throw new AssertionError(role + " never saw on " + path + ": " + missing.get().stream()
                    .map(PortalReader::shorten).toList(), timedOut);
        }
        List<String> shown = never.stream().filter(text.get()::contains).toList();
        if (!shown.isEmpty()) {
            throw new AssertionError(role + " was shown the result of evaluating stored text on " + path + ": " + shown);
        }
        probe.inspect(role + " " + path);
        pages++;
        return text.get();
    }

    /** Follows the "older" link of a list until there is none; answers each page's text. */
    List<String> visitAllPages(String firstPath, String required, String olderLinkId) {
        List<String> texts = new ArrayList<>();
        String path = firstPath;
        while (path != null) {
            texts.add(visit(path, required, List.of(), List.of()));
            List<org.openqa.selenium.WebElement> older = driver.findElements(By.id(olderLinkId));
            path = older.isEmpty() ? null : older.get(0).getAttribute("href").substring(baseUrl.length());
            if (texts.size() > 50) {
                throw new AssertionError("more than 50 pages from " + firstPath);
            }
        }
        return texts;
    }

    /**
     * The article editor's live preview (writing.js puts the portal's sanitized answer into the page with
     * innerHTML): types {@code markdown} in one go and waits until the preview shows {@code marker}.
     */
    void livePreview(String markdown, String marker) {
        visit("/writing/new", "#writing-form", List.of(), List.of());
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("""
                var source = document.getElementById('markdown');
                source.value = arguments[0];
                source.dispatchEvent(new Event('input', { bubbles: true }));
                """, markdown);
        try {
            new WebDriverWait(driver, PAGE_TIMEOUT).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("preview"), marker));
        } catch (org.openqa.selenium.TimeoutException timedOut) {
            Browser.screenshot(driver, "stored-xss-live-preview");
            throw new AssertionError("the live preview never showed " + marker + ": "
                    + shorten(driver.findElement(By.id("preview")).getText()), timedOut);
        }
        probe.inspect(role + " live preview");
        pages++;
    }

    /** Whatever the hook recorded since the last page (e.g. an error event that came late). */
    void finish() {
        probe.collect(role + " last page");
    }

    String role() {
        return role;
    }

    int pages() {
        return pages;
    }

    ScriptProbe probe() {
        return probe;
    }

    private String pageText() {
        return (String) ((JavascriptExecutor) driver).executeScript(TEXT);
    }

    private static String shorten(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
