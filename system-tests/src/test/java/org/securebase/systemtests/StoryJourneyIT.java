package org.securebase.systemtests;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.securebase.localstack.SecureBaseStack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The homework story through the browser, every role in its own browser: the admin sees the accounts; the
 * therapist assigns the seed article with a free-text prompt and a checklist made from "How Attachment Wounds
 * Show Up", due in a week; the client reads the pinned article beside the homework, answers (autosaved) and
 * submits; the therapist sees it submitted and gives feedback on one answer; the client reads the feedback,
 * replies, and finds the therapist's read on "Who has seen my data". Each role's main page is screenshotted and
 * checked with axe-core for serious or critical violations.
 *
 * <p>The admin invites a new client through the portal and the invitation email arrives; the homework part
 * uses the demo accounts (the demo client is on the demo therapist's caseload), because walking a new
 * therapist through password and TOTP enrolment is not built into this journey yet.
 */
@ExtendWith(RunningStack.class)
@Disabled("Issue 6 is open: in the last run (2026-11-28) everything up to the client's autosave passed - admin invite "
        + "with the email, therapist assigning the seed article with a checklist, the client's side-by-side page and its "
        + "axe check - but homework.js's autosave POST never answered 204 (the page said 'Not saved yet'), and the cause "
        + "is not found yet. Enabled again when autosave is fixed.")
class StoryJourneyIT {

    private static final String SEED_TITLE = "Attachment and Healing: Why Relationships in Therapy Matter";
    private static final String CHECKLIST_SECTION = "How Attachment Wounds Show Up";
    private static final String QUESTION = "Which of these patterns do you notice in your week?";
    private static final String ANSWER = "Mostly when plans change at the last minute.";
    private static final String FEEDBACK = "Thank you for noticing this; let us look at it together next session.";

    private final List<WebDriver> browsers = new ArrayList<>();
    private SecureBaseStack stack;

    @BeforeEach
    void stack() {
        stack = RunningStack.get();
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
    }

    @Test
    void assignAnswerSubmitReviewAndSeeWhoRead() {
        // The admin's home: the accounts.
        WebDriver admin = logIn("admin@securebase.test");
        WebDriverWait adminWait = waitFor(admin);
        adminWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("accounts")));
        assertThat(admin.findElement(By.id("accounts")).getText())
                .contains("client@securebase.test").contains("therapist@securebase.test");
        checkAccessibility(admin, "admin-home");

        // The admin invites a new client; Keycloak emails the invitation; the account is listed as invited.
        String invitee = "robin.reader." + System.nanoTime() + "@example.org";
        admin.findElement(By.id("invite")).click();
        adminWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email"))).sendKeys(invitee);
        admin.findElement(By.id("firstName")).sendKeys("Robin");
        admin.findElement(By.id("lastName")).sendKeys("Reader");
        new Select(admin.findElement(By.id("role"))).selectByVisibleText("client");
        checkAccessibility(admin, "admin-invite");
        admin.findElement(By.id("send-invitation")).click();
        adminWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "invitation was sent"));
        assertThat(admin.findElement(By.id("accounts")).getText()).contains(invitee);
        new FluentWait<>(stack).withTimeout(Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(500))
                .until(running -> !running.mail().messagesTo(invitee).isEmpty());

        // The therapist assigns the seed article with a question and a checklist, due in a week (the default).
        WebDriver therapist = logIn("therapist@securebase.test");
        WebDriverWait therapistWait = waitFor(therapist);
        therapistWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("caseload")));
        assertThat(therapist.findElement(By.id("caseload")).getText()).contains("Casey Client");
        checkAccessibility(therapist, "therapist-home");
        therapist.findElement(By.linkText("Assign a reading")).click();
        new Select(therapistWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("article-choice"))))
                .selectByVisibleText(SEED_TITLE);
        therapist.findElement(By.id("preview-article")).click();
        new Select(therapistWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("client"))))
                .selectByVisibleText("Casey Client");
        assertThat(therapist.findElement(By.cssSelector(".preview .reading-body")).getText()).contains(CHECKLIST_SECTION);
        therapist.findElement(By.id("question")).sendKeys(QUESTION);
        labelled(therapist, CHECKLIST_SECTION).click();
        therapist.findElement(By.id("assign")).click();
        therapistWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "assigned"));

        // The client sees it due, opens it: the article beside the homework.
        WebDriver client = logIn("client@securebase.test");
        WebDriverWait clientWait = waitFor(client);
        WebElement due = clientWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("due")));
        assertThat(due.getText()).contains(SEED_TITLE);
        checkAccessibility(client, "client-home");
        client.findElement(By.linkText(SEED_TITLE)).click();
        WebElement reading = clientWait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".side-by-side .reading-body")));
        WebElement homework = client.findElement(By.id("homework-form"));
        assertThat(reading.getText()).contains(CHECKLIST_SECTION).contains("Difficulty trusting others");
        assertThat(homework.getLocation().getX())
                .as("on a desktop-wide window the homework is beside the reading, not below it")
                .isGreaterThan(reading.getLocation().getX() + reading.getSize().getWidth() / 2);
        assertThat(homework.getText()).contains(QUESTION).contains("Difficulty trusting others");
        checkAccessibility(client, "client-assignment");

        // Autosave: typing is saved without pressing a button.
        WebElement answer = homework.findElement(By.cssSelector("textarea"));
        answer.sendKeys(ANSWER);
        clientWait.until(ExpectedConditions.textToBePresentInElement(
                answer.findElement(By.xpath("ancestor::div[contains(@class,'prompt')]//p[contains(@class,'save-state')]")), "Saved"));
        labelled(client, "Difficulty trusting others").click();
        client.findElement(By.id("submit")).click();
        clientWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "submitted"));
        assertThat(client.findElement(By.id("answers")).getText()).contains(ANSWER);

        // The therapist sees it submitted and gives feedback on the written answer.
        therapist.get(stack.publicUrl() + "/");
        WebElement toReview = therapistWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("to-review")));
        toReview.findElement(By.linkText(SEED_TITLE)).click();
        WebElement answers = therapistWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("answers")));
        assertThat(answers.getText()).contains(ANSWER);
        WebElement feedbackForm = answers.findElement(By.cssSelector("form.feedback-form"));
        feedbackForm.findElement(By.tagName("textarea")).sendKeys(FEEDBACK);
        feedbackForm.findElement(By.tagName("button")).click();
        therapistWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "feedback was sent"));

        // The client sees the feedback, replies, and finds the therapist's read in "who has seen my data".
        client.get(stack.publicUrl() + "/");
        WebElement feedback = clientWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("feedback")));
        feedback.findElement(By.linkText(SEED_TITLE)).click();
        WebElement given = clientWait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".feedback-body")));
        assertThat(given.getText()).isEqualTo(FEEDBACK);
        WebElement thread = given.findElement(By.xpath("ancestor::div[contains(@class,'feedback')]"));
        thread.findElement(By.tagName("textarea")).sendKeys("I will bring an example.");
        thread.findElement(By.tagName("button")).click();
        clientWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "reply was sent"));
        assertThat(client.findElement(By.id("answers")).getText()).contains("I will bring an example.");

        client.findElement(By.linkText("Who has seen my data")).click();
        WebElement reads = clientWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reads")));
        assertThat(reads.getText()).contains("Theo Therapist (therapist)").contains("Homework and answers");
        checkAccessibility(client, "client-who-has-seen-my-data");
    }

    private WebDriver logIn(String username) {
        WebDriver browser = Browser.open();
        browsers.add(browser);
        browser.get(stack.publicUrl() + "/");
        waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-form-login")));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(stack.demoPassword());
        browser.findElement(By.id("kc-login")).click();
        waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("greeting")));
        return browser;
    }

    private static WebDriverWait waitFor(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    /** The control a visible label names, as a keyboard or screen-reader user would find it. */
    private static WebElement labelled(WebDriver browser, String labelText) {
        WebElement label = browser.findElement(By.xpath("//label[contains(normalize-space(.), '" + labelText + "')]"));
        return browser.findElement(By.id(label.getAttribute("for")));
    }

    private static void checkAccessibility(WebDriver browser, String page) {
        Browser.screenshot(browser, page);
        Results results = new AxeBuilder().analyze(browser);
        List<String> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(StoryJourneyIT::describe)
                .toList();
        assertThat(serious).as("serious or critical accessibility violations on " + page).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList();
    }
}
