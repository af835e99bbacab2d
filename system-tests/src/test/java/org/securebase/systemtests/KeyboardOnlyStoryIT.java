package org.securebase.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.securebase.localstack.SecureBaseStack;
import org.securebase.systemtests.authorization.StackAccess;

/**
 * The main story with the keyboard alone, in Chromium: sign in, assign the seed article, answer, submit, give
 * feedback, read it. Nothing is clicked and no element is typed into directly: every step presses Tab until the
 * control it needs has focus (so the control is reachable in the page's tab order, within a bound), checks that
 * the focus can be seen, and then types or presses Enter into whatever has focus, as a keyboard user does.
 */
@ExtendWith(RunningStack.class)
class KeyboardOnlyStoryIT {

    private static final String SEED_TITLE = "Attachment and Healing: Why Relationships in Therapy Matter";
    private static final String QUESTION = "Which relationship felt safest, and what made it so?";
    private static final String ANSWER = "My aunt, because she never hurried me.";
    private static final String FEEDBACK = "Notice how unhurried time felt safe for you.";
    /** More Tab presses than any page of the portal needs to reach its last control. */
    private static final int MOST_TABS = 120;

    private final List<WebDriver> browsers = new ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
    }

    @Test
    void assignAnswerSubmitGiveAndReadFeedbackWithTheKeyboardAlone() {
        SecureBaseStack stack = RunningStack.get();
        StackAccess access = StackAccess.of(stack);
        WrittenTexts.wrote(QUESTION, ANSWER, FEEDBACK);
        String mark = StackAccess.runMark();
        String therapistEmail = "kit.keys." + mark + "@example.org";
        String clientEmail = "kai.keys." + mark + "@example.org";
        UUID therapistId = access.newPerson(therapistEmail, "Kit", "Keys" + mark, "therapist");
        UUID clientId = access.newPerson(clientEmail, "Kai", "Keys" + mark, "client");
        access.putOnCaseload(clientId, therapistId);
        String clientName = "Kai Keys" + mark;

        WebDriver therapist = signIn(stack, therapistEmail, access.demoPassword());
        // The therapist finds the reading in the library, as in a practice whose library is long, and assigns it
        // from its page; the form opens with it chosen and previewed.
        tabTo(therapist, By.linkText("Library"));
        press(therapist, Keys.ENTER);
        tabTo(therapist, By.id("library-q"));
        type(therapist, SEED_TITLE);
        press(therapist, Keys.ENTER);
        wait(therapist).until(ExpectedConditions.presenceOfElementLocated(By.linkText(SEED_TITLE)));
        tabTo(therapist, By.linkText(SEED_TITLE));
        press(therapist, Keys.ENTER);
        tabTo(therapist, By.linkText("Assign this reading"));
        press(therapist, Keys.ENTER);
        wait(therapist).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".preview .reading-body")));
        assertThat(new Select(therapist.findElement(By.id("article-choice"))).getFirstSelectedOption().getText())
                .isEqualTo(SEED_TITLE);
        tabTo(therapist, By.id("client"));
        choose(therapist, clientName);
        tabTo(therapist, By.id("due"));
        // A week from journal-service's today (other suites may have moved its clock), typed as a date field takes it
        // in Chromium's en-US: month, day, year.
        LocalDate due = LocalDate.ofInstant(StackClock.journalNow().plus(Duration.ofDays(7)), ZoneId.systemDefault());
        type(therapist, due.format(DateTimeFormatter.ofPattern("MMddyyyy")));
        tabTo(therapist, By.id("question"));
        type(therapist, QUESTION);
        tabTo(therapist, By.id("assign"));
        press(therapist, Keys.ENTER);
        wait(therapist).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "assigned"));

        WebDriver client = signIn(stack, clientEmail, access.demoPassword());
        tabTo(client, By.cssSelector("#due a"));
        assertThat(focused(client).getText()).isEqualTo(SEED_TITLE);
        press(client, Keys.ENTER);
        tabTo(client, By.cssSelector("#homework-form textarea"));
        type(client, ANSWER);
        tabTo(client, By.id("submit"));
        press(client, Keys.ENTER);
        wait(client).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "submitted"));
        assertThat(client.findElement(By.id("answers")).getText()).contains(ANSWER);

        therapist.get(stack.publicUrl() + "/");
        wait(therapist).until(ExpectedConditions.presenceOfElementLocated(By.id("to-review")));
        tabTo(therapist, By.cssSelector("#to-review a"));
        press(therapist, Keys.ENTER);
        wait(therapist).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.feedback-form textarea")));
        tabTo(therapist, By.cssSelector("form.feedback-form textarea"));
        type(therapist, FEEDBACK);
        tabTo(therapist, By.cssSelector("form.feedback-form button"));
        press(therapist, Keys.ENTER);
        wait(therapist).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "feedback was sent"));

        client.get(stack.publicUrl() + "/");
        wait(client).until(ExpectedConditions.presenceOfElementLocated(By.id("feedback")));
        tabTo(client, By.cssSelector("#feedback a"));
        press(client, Keys.ENTER);
        assertThat(wait(client).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".feedback-body")))
                .getText()).isEqualTo(FEEDBACK);
    }

    /** Keycloak's form by keyboard: its first field has focus; Tab to the password; Enter signs in. */
    private WebDriver signIn(SecureBaseStack stack, String email, String password) {
        WebDriver browser = Browser.open();
        browsers.add(browser);
        browser.get(stack.publicUrl() + "/");
        wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-form-login")));
        tabTo(browser, By.id("username"));
        type(browser, email);
        tabTo(browser, By.id("password"));
        type(browser, password);
        press(browser, Keys.ENTER);
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("greeting")));
        return browser;
    }

    /**
     * Presses Tab until the first element {@code target} finds has focus, and checks the focus is visible (an outline
     * or a box shadow). Fails if it is not reached within {@link #MOST_TABS} presses.
     */
    private static void tabTo(WebDriver browser, By target) {
        WebElement wanted = wait(browser).until(ExpectedConditions.presenceOfElementLocated(target));
        for (int presses = 0; presses <= MOST_TABS; presses++) {
            if (wanted.equals(focused(browser))) {
                String outline = wanted.getCssValue("outline-style");
                String shadow = wanted.getCssValue("box-shadow");
                assertThat(!"none".equals(outline) || !"none".equals(shadow))
                        .as("the focus on " + target + " can be seen (outline " + outline + ", shadow " + shadow + ")")
                        .isTrue();
                return;
            }
            press(browser, Keys.TAB);
        }
        Browser.screenshot(browser, "keyboard-not-reached");
        throw new AssertionError(target + " was not reached with " + MOST_TABS + " presses of Tab on "
                + browser.getCurrentUrl() + "; focus is on " + describe(focused(browser)));
    }

    /**
     * In the focused list box, Home and then the down arrow until {@code option} is the chosen one (typing its first
     * letters would pick whichever option starts alike, and the library holds many).
     */
    private static void choose(WebDriver browser, String option) {
        WebElement list = focused(browser);
        press(browser, Keys.HOME);
        int options = list.findElements(By.tagName("option")).size();
        for (int presses = 0; presses < options; presses++) {
            if (option.equals(new Select(list).getFirstSelectedOption().getText().strip())) {
                return;
            }
            press(browser, Keys.ARROW_DOWN);
        }
        throw new AssertionError("\"" + option + "\" is not among the " + options + " options of " + describe(list));
    }

    private static WebElement focused(WebDriver browser) {
        return (WebElement) ((JavascriptExecutor) browser).executeScript("return document.activeElement;");
    }

    private static String describe(WebElement element) {
        return element == null ? "nothing" : element.getTagName() + "#" + element.getAttribute("id") + " " + element.getText();
    }

    private static void press(WebDriver browser, CharSequence key) {
        new Actions(browser).sendKeys(key).perform();
    }

    private static void type(WebDriver browser, String text) {
        new Actions(browser).sendKeys(text).perform();
    }

    private static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }
}
