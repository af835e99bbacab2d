package org.securebase.systemtests.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.securebase.localstack.SecureBaseStack;
import org.securebase.platform.embedded.MailServer.ReceivedMail;
import org.securebase.systemtests.Browser;
import org.securebase.systemtests.RunningStack;
import org.securebase.systemtests.SignedInBrowsers;
import org.securebase.systemtests.StackClock;
import org.securebase.systemtests.WrittenTexts;
import org.securebase.systemtests.authorization.Http;
import org.securebase.systemtests.authorization.StackAccess;

/**
 * PHQ-9 every two weeks, through the browser. A therapist and a client made for this run (so whatever other suites
 * left on the demo people does not matter); the therapist schedules PHQ-9 for the client; the client, on a 320 px
 * wide window and with the keyboard alone, first submits too early (the error summary takes focus and links to the
 * unanswered items), then answers every item (each saved as it is chosen, item 9 with "Several days") and submits:
 * the crisis text is shown. The therapist's mail says a result needs attention, with no score, item or name. The
 * therapist's home has the result first under "Needs your attention"; acknowledging
 * clears it. The stack's clocks move 14 days on: the next questionnaire is on the client's home, the client answers
 * it, and their chart shows both results as points and in the table. The questionnaire page is checked with axe-core.
 */
@ExtendWith(RunningStack.class)
class MeasureJourneyIT {

    private static final int ITEMS = 9;

    private final SignedInBrowsers browsers = new SignedInBrowsers();
    private final Http http = new Http();
    private SecureBaseStack stack;
    private StackAccess access;

    @BeforeEach
    void stack() {
        stack = RunningStack.get();
        access = StackAccess.of(stack);
    }

    @AfterEach
    void closeBrowsers() {
        browsers.closeAll();
    }

    @Test
    void phq9EveryTwoWeeksAnsweredByKeyboardFlaggedAcknowledgedAndCharted() {
        String run = StackAccess.runMark();
        // Scores as the portal shows them ("9 / 27"): no mail may carry one.
        WrittenTexts.wrote("/ 27");
        String therapistEmail = "mara.measure." + run + "@example.org";
        String clientEmail = "quinn.questionnaire." + run + "@example.org";
        UUID therapistId = access.newPerson(therapistEmail, "Mara", "Measure" + run, "therapist");
        UUID clientId = access.newPerson(clientEmail, "Quinn", "Questionnaire" + run, "client");
        access.putOnCaseload(clientId, therapistId);

        // The therapist schedules PHQ-9 every two weeks; journal-service accepts it once it has heard of the caseload.
        WebDriver therapist = browsers.signIn(stack, therapistEmail);
        WebDriverWait therapistWait = waitFor(therapist);
        new FluentWait<>(therapist).withTimeout(Duration.ofSeconds(90)).pollingEvery(Duration.ofSeconds(2))
                .until(browser -> {
                    browser.get(stack.publicUrl() + "/measures?client=" + clientId);
                    new Select(therapistWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("instrument"))))
                            .selectByValue("phq-9");
                    new Select(browser.findElement(By.id("everyWeeks"))).selectByValue("2");
                    browser.findElement(By.cssSelector("form[action$='/measures/schedules'] button")).click();
                    therapistWait.until(ExpectedConditions.or(
                            ExpectedConditions.presenceOfElementLocated(By.id("notice")),
                            ExpectedConditions.presenceOfElementLocated(By.id("problem")),
                            ExpectedConditions.presenceOfElementLocated(By.id("form-error"))));
                    return !browser.findElements(By.id("notice")).isEmpty();
                });
        assertThat(therapist.findElement(By.id("notice")).getText()).isEqualTo("The questionnaire is assigned.");

        // The client, on a phone-sized window, finds it on their home and opens it with the keyboard.
        WebDriver client = browsers.signIn(stack, clientEmail);
        WebDriverWait clientWait = waitFor(client);
        client.manage().window().setSize(new Dimension(320, 800));
        assertThat(viewportWidth(client)).as("the client's window is 320 px wide").isLessThanOrEqualTo(320);
        client.navigate().refresh();
        WebElement due = clientWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("measures-due")));
        WebElement first = due.findElement(By.cssSelector("a[href*='/measures/']"));
        String firstUrl = first.getDomProperty("href");
        tabTo(client, active -> firstUrl.equals(active.getDomProperty("href")), "the first questionnaire's link");
        press(client, Keys.ENTER);
        clientWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("measure-form")));
        assertReflows(client, "the questionnaire at 320 px");
        List<WebElement> fieldsets = client.findElements(By.cssSelector("#measure-form fieldset"));
        assertThat(fieldsets).as("one fieldset per item").hasSize(ITEMS);
        for (WebElement fieldset : fieldsets) {
            assertThat(fieldset.findElements(By.xpath("./legend"))).as("its legend").hasSize(1);
            assertThat(fieldset.findElements(By.cssSelector("input[type=radio]"))).hasSize(4)
                    .extracting(radio -> radio.getDomAttribute("name")).containsOnly(fieldset.getDomAttribute("id"));
        }
        checkAccessibility(client, "client-questionnaire");

        // Item 1 by keyboard, then Submit too early: the error summary takes focus and lists items 2 to 9.
        answerByKeyboard(client, 1, 1);
        tabTo(client, active -> "submit".equals(active.getDomAttribute("id")), "Submit");
        press(client, Keys.ENTER);
        WebElement summary = clientWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
        assertThat(summary.getDomAttribute("role")).isEqualTo("alert");
        assertThat(summary.findElement(By.tagName("h2")).getText()).isEqualTo("Some questions are not answered yet");
        clientWait.until(browser -> "error-summary".equals(active(browser).getDomAttribute("id")));
        List<WebElement> missing = summary.findElements(By.tagName("a"));
        assertThat(missing).extracting(link -> link.getDomAttribute("href"))
                .containsExactly("#item-2-0", "#item-3-0", "#item-4-0", "#item-5-0", "#item-6-0", "#item-7-0",
                        "#item-8-0", "#item-9-0");
        assertThat(client.findElement(By.id("item-1-1")).isSelected()).as("item 1 was kept").isTrue();
        checkAccessibility(client, "client-questionnaire-unanswered");
        // The first link leads to item 2's first option.
        press(client, Keys.TAB);
        press(client, Keys.ENTER);
        clientWait.until(browser -> "item-2-0".equals(active(browser).getDomAttribute("id")));

        // Every other item, item 9 "Several days" (1): each saved as soon as it is chosen, without Save.
        for (int item = 2; item <= ITEMS; item++) {
            answerByKeyboard(client, item, 1);
        }
        client.navigate().refresh();
        clientWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("measure-form")));
        for (int item = 1; item <= ITEMS; item++) {
            assertThat(client.findElement(By.id("item-" + item + "-1")).isSelected())
                    .as("item %d saved by autosave", item).isTrue();
        }
        tabTo(client, active -> "submit".equals(active.getDomAttribute("id")), "Submit");
        press(client, Keys.ENTER);
        WebElement crisis = clientWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("crisis")));
        assertThat(crisis.getDomAttribute("role")).isEqualTo("alert");
        assertThat(crisis.getText()).contains("If you need help now").contains("crisis line");
        assertThat(client.findElement(By.id("result")).getText()).contains("9 / 27").contains("Mild");
        String firstResult = client.getCurrentUrl();

        // The therapist is told by mail that a result needs attention: which client or what they answered, never.
        ReceivedMail alert = await("the needs-attention mail to " + therapistEmail).atMost(Duration.ofSeconds(60))
                .until(() -> stack.mail().messagesTo(therapistEmail).stream()
                        .filter(mail -> mail.subject().contains("questionnaire needs your attention")).findFirst(),
                        Optional::isPresent).orElseThrow();
        assertThat(alert.subject() + "\n" + alert.text()).doesNotContain("/ 27").doesNotContain("Mild")
                .doesNotContain("PHQ").doesNotContain("Several days").doesNotContain("Little interest")
                .doesNotContain("Questionnaire" + run).doesNotContain("Quinn");
        assertThat(stack.mail().messagesTo(clientEmail)).as("the client was told a questionnaire is ready")
                .anyMatch(mail -> mail.subject().equals("A short questionnaire is ready for you"));

        // The therapist's home: the result needing attention comes first; acknowledging clears it.
        therapist.get(stack.publicUrl() + "/");
        WebElement attention = therapistWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("attention")));
        List<WebElement> sections = therapist.findElements(By.cssSelector("main section"));
        assertThat(sections.get(0).getDomAttribute("id")).as("the first section of the therapist's home").isEqualTo("attention");
        List<WebElement> flagged = attention.findElements(By.cssSelector("a[href*='/measures/']"));
        assertThat(flagged).hasSize(1);
        assertThat(firstResult).endsWith(flagged.get(0).getDomAttribute("href"));
        flagged.get(0).click();
        therapistWait.until(ExpectedConditions.elementToBeClickable(By.id("acknowledge"))).click();
        therapistWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Acknowledged."));
        assertThat(therapist.findElements(By.id("acknowledge"))).isEmpty();
        therapist.get(stack.publicUrl() + "/");
        therapistWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("caseload")));
        assertThat(therapist.findElements(By.id("attention"))).as("nothing needs attention any more").isEmpty();

        // Two weeks later (the services' clocks moved on): the next PHQ-9 is on the client's home.
        StackClock.advance(Duration.ofDays(14));
        WebElement next = new FluentWait<>(client).withTimeout(Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(1))
                .until(browser -> {
                    browser.get(stack.publicUrl() + "/");
                    return waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("measures-due")))
                            .findElements(By.cssSelector("a[href*='/measures/']")).stream()
                            .filter(link -> !firstUrl.equals(link.getDomProperty("href"))).findFirst().orElse(null);
                });
        String nextUrl = next.getDomProperty("href");
        tabTo(client, active -> nextUrl.equals(active.getDomProperty("href")), "the next questionnaire's link");
        press(client, Keys.ENTER);
        clientWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("measure-form")));
        for (int item = 1; item <= ITEMS; item++) {
            answerByKeyboard(client, item, 0);
        }
        tabTo(client, active -> "submit".equals(active.getDomAttribute("id")), "Submit");
        press(client, Keys.ENTER);
        clientWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "your answers are submitted"));
        assertThat(client.findElements(By.id("crisis"))).as("no crisis text for item 9 = 0").isEmpty();
        assertThat(client.findElement(By.id("result")).getText()).contains("0 / 27").contains("Minimal");

        // The chart: both results as points over the bands, and the same in the table.
        client.get(stack.publicUrl() + "/measures");
        WebElement chart = clientWait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section.measure-charts")));
        assertThat(chart.findElement(By.tagName("h2")).getText()).contains("PHQ-9");
        assertThat(chart.findElements(By.cssSelector("svg circle.mood-dot"))).hasSize(2);
        assertThat(chart.findElements(By.cssSelector("svg polyline.mood-line"))).hasSize(1);
        List<WebElement> rows = chart.findElements(By.cssSelector("table.measure-table tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows).extracting(WebElement::getText).anySatisfy(row -> assertThat(row).contains("9 / 27").contains("Mild"))
                .anySatisfy(row -> assertThat(row).contains("0 / 27").contains("Minimal"));
        Browser.screenshot(client, "client-measures-chart");
    }

    /**
     * Tab to the item's group (a group without a choice takes focus on its first option, one with a choice on the
     * chosen one), Space to choose the focused option, the arrow keys down to {@code value}; then waits until the
     * page says it is saved.
     */
    private void answerByKeyboard(WebDriver client, int item, int value) {
        String prefix = "item-" + item + "-";
        if (!String.valueOf(active(client).getDomAttribute("id")).startsWith(prefix)) {
            tabTo(client, active -> String.valueOf(active.getDomAttribute("id")).startsWith(prefix), "item " + item);
        }
        WebElement focused = active(client);
        if (!focused.isSelected()) {
            press(client, Keys.SPACE);
        }
        int at = Integer.parseInt(active(client).getDomAttribute("id").substring(prefix.length()));
        for (; at < value; at++) {
            press(client, Keys.ARROW_DOWN);
        }
        for (; at > value; at--) {
            press(client, Keys.ARROW_UP);
        }
        WebElement chosen = client.findElement(By.id(prefix + value));
        assertThat(chosen.isSelected()).as("item %d is %d", item, value).isTrue();
        waitFor(client).until(ExpectedConditions.textToBePresentInElementLocated(By.id("state-" + item), "Saved"));
    }

    /** Presses Tab (as someone without a mouse would) until the focused element is the one wanted. */
    private static void tabTo(WebDriver browser, Predicate<WebElement> wanted, String what) {
        for (int presses = 0; presses < 60; presses++) {
            if (wanted.test(active(browser))) {
                return;
            }
            press(browser, Keys.TAB);
        }
        throw new AssertionError("Tab never reached " + what + " on " + browser.getCurrentUrl());
    }

    /** A key pressed on whatever has focus. */
    private static void press(WebDriver browser, Keys key) {
        new Actions(browser).sendKeys(key).perform();
    }

    private static WebElement active(WebDriver browser) {
        return browser.switchTo().activeElement();
    }


    private static WebDriverWait waitFor(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private static long viewportWidth(WebDriver browser) {
        return ((Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.clientWidth;"))
                .longValue();
    }

    private static void assertReflows(WebDriver browser, String page) {
        assertThat(Browser.sidewaysOverflow(browser)).as(page + ": CSS pixels wider than the window").isZero();
    }

    /** Every axe-core rule, whatever its impact: the questionnaire page has no violation at all. */
    private static void checkAccessibility(WebDriver browser, String page) {
        assertThat(Browser.accessibilityViolations(browser, page)).as("accessibility violations on " + page).isEmpty();
    }
}
