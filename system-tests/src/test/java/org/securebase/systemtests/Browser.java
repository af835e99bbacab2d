package org.securebase.systemtests;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * Debian's headless Chromium through Debian's ChromeDriver. Selenium Manager is never asked for a
 * browser: the driver path is given explicitly.
 */
public final class Browser {

    private Browser() {
    }

    public static WebDriver open() {
        String driverPath = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        if (!new File(driverPath).canExecute()) {
            throw new IllegalStateException("ChromeDriver not found at " + driverPath
                    + "; install with: apt-get install -y chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driverPath)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    public static Path screenshot(WebDriver driver, String name) {
        Path reports = Path.of(System.getProperty("securebase.reports", "target/system-test-reports"));
        try {
            Files.createDirectories(reports);
            Path target = reports.resolve(name + ".png");
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * True once {@code element} has left the document. Chromium answers a question about an element of a page it is
     * replacing either "stale element" or, mid-navigation, an inspector error "Node with given id does not belong to
     * the document"; both mean the page moved on, where Selenium's own staleness check only knows the first.
     */
    public static ExpectedCondition<Boolean> leftThePage(WebElement element) {
        return driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            } catch (WebDriverException midNavigation) {
                String message = String.valueOf(midNavigation.getMessage());
                if (message.contains("does not belong to the document") || message.contains("No node with given id")) {
                    return true;
                }
                throw midNavigation;
            }
        };
    }

    /**
     * Logs someone without TOTP in through Keycloak's form (the browser is on it or on its way to it) and waits for
     * the portal's home to greet them.
     */
    public static void logIn(WebDriver browser, String email, String password) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-form-login")));
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("greeting")));
    }

    /**
     * Every axe-core violation on the page, whatever its impact, as "rule (impact): help at [targets]"; the page is
     * kept as a screenshot named {@code page} first.
     */
    public static List<String> accessibilityViolations(WebDriver browser, String page) {
        screenshot(browser, page);
        return new AxeBuilder().analyze(browser).getViolations().stream().map(Browser::describe).toList();
    }

    /** The violations of {@link #accessibilityViolations} that axe rates serious or critical. */
    public static List<String> seriousViolations(WebDriver browser, String page) {
        return accessibilityViolations(browser, page).stream()
                .filter(violation -> violation.contains("(serious)") || violation.contains("(critical)"))
                .toList();
    }

    /** How many CSS pixels the page is wider than the window (0 when nothing scrolls sideways, WCAG 1.4.10). */
    public static long sidewaysOverflow(WebDriver browser) {
        return ((Number) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth);"))
                .longValue();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList();
    }
}
