package org.securebase.systemtests.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.securebase.localstack.SecureBaseStack;
import org.securebase.systemtests.Browser;
import org.securebase.systemtests.RunningStack;
import org.securebase.systemtests.SignedInBrowsers;
import org.securebase.systemtests.StackClock;
import org.securebase.systemtests.authorization.StackAccess;

/**
 * A two-step program through the browser, with a therapist and a client made for this run. The therapist imports an
 * article as a Markdown file, builds a program of the seed article (at once) and the imported one (two days after the
 * first is handed in), and enrols the client with a reason. The client sees the reason, makes a plan and hands step
 * one in; step two is not there yet. The stack's clocks move two days on and journal-service is killed and started
 * again: step two reaches the client exactly once. The therapist rates step one, sees it with its plan on the review
 * agenda, and marking it reviewed empties the agenda. The new pages pass axe and reflow at 320 px.
 */
@ExtendWith(RunningStack.class)
class ProgramJourneyIT {

    private static final String SEED_TITLE = "Attachment and Healing: Why Relationships in Therapy Matter";
    private static final String REASON = "Small steps, one reading at a time, so the pattern gets easier to see.";
    private static final String PLAN = "Sunday morning, with a coffee, at the window";
    private static final String ANSWER = "I notice it most when someone is late.";

    private final SignedInBrowsers browsers = new SignedInBrowsers();
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
    void aTwoStepProgramDeliversStepTwoOnceAfterStepOneIsHandedIn() throws IOException {
        String run = StackAccess.runMark();
        String therapistEmail = "pia.program." + run + "@example.org";
        String clientEmail = "sam.steps." + run + "@example.org";
        String clientName = "Sam Steps" + run;
        UUID therapistId = access.newPerson(therapistEmail, "Pia", "Program" + run, "therapist");
        UUID clientId = access.newPerson(clientEmail, "Sam", "Steps" + run, "client");
        access.putOnCaseload(clientId, therapistId);
        String importedTitle = "Repair after rupture " + run;
        String programTitle = "Noticing, in two steps " + run;

        // The therapist imports the second reading as a Markdown file with front matter.
        WebDriver therapist = browsers.signIn(stack, therapistEmail);
        WebDriverWait therapistWait = waitFor(therapist);
        Path file = Files.createTempFile("repair-" + run, ".md");
        try {
            Files.writeString(file, "---\ntitle: \"" + importedTitle + "\"\nslug: repair-after-rupture-" + run
                    + "\nsummary: \"How a relationship mends.\"\nstatus: published\n---\n## Repair\n\n"
                    + "A rupture that is talked about can make trust stronger.\n");
            therapist.get(stack.publicUrl() + "/library-transfer");
            therapistWait.until(ExpectedConditions.presenceOfElementLocated(By.id("files")))
                    .sendKeys(file.toAbsolutePath().toString());
            therapist.findElement(By.cssSelector("#import-form button[type=submit]")).click();
            assertThat(therapistWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("imported"))).getText())
                    .contains(importedTitle);
        } finally {
            Files.deleteIfExists(file);
        }

        // The program: the seed article at once, the imported one two days after the first is handed in. journal-service
        // accepts it once its catalog has heard of the imported article.
        new FluentWait<>(therapist).withTimeout(Duration.ofSeconds(90)).pollingEvery(Duration.ofSeconds(2))
                .until(browser -> {
                    browser.get(stack.publicUrl() + "/programs/new");
                    therapistWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("program-form")));
                    browser.findElement(By.id("title")).sendKeys(programTitle);
                    new Select(browser.findElement(By.id("article-1"))).selectByVisibleText(SEED_TITLE);
                    browser.findElement(By.id("question-1")).sendKeys("When do you notice the old pattern?");
                    new Select(browser.findElement(By.id("rule-1"))).selectByValue("IMMEDIATELY");
                    new Select(browser.findElement(By.id("article-2"))).selectByVisibleText(importedTitle);
                    browser.findElement(By.id("question-2")).sendKeys("What helped you repair a rupture?");
                    new Select(browser.findElement(By.id("rule-2"))).selectByValue("DAYS_AFTER");
                    WebElement days = browser.findElement(By.id("days-2"));
                    days.clear();
                    days.sendKeys("2");
                    browser.findElement(By.id("save-program")).click();
                    therapistWait.until(ExpectedConditions.or(
                            ExpectedConditions.presenceOfElementLocated(By.id("notice")),
                            ExpectedConditions.presenceOfElementLocated(By.id("error-summary"))));
                    return !browser.findElements(By.id("notice")).isEmpty();
                });
        assertThat(therapist.findElement(By.id("program-steps")).getText()).contains(SEED_TITLE).contains(importedTitle)
                .contains("On enrolment").contains("2 days after the previous step is handed in");
        checkAccessibility(therapist, "therapist-program");
        String programPage = therapist.getCurrentUrl();
        therapist.get(stack.publicUrl() + "/programs/new");
        checkAccessibility(therapist, "therapist-program-new");
        therapist.manage().window().setSize(new Dimension(320, 800));
        assertReflows(therapist, "building a program at 320 px");
        therapist.manage().window().setSize(new Dimension(1280, 900));

        // Enrolling, with the reason; the first step is given at once.
        therapist.get(programPage);
        new Select(therapistWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("client"))))
                .selectByVisibleText(clientName);
        therapist.findElement(By.id("reason")).sendKeys(REASON);
        therapist.findElement(By.id("enrol")).click();
        therapistWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "enrolled"));
        assertThat(enrolmentLine(therapist, programTitle)).contains("1 of 2 steps given").contains("Active");
        checkAccessibility(therapist, "therapist-programs");

        // The client: the first step with the reason on top; a plan; the answer; hand-in.
        WebDriver client = browsers.signIn(stack, clientEmail);
        WebDriverWait clientWait = waitFor(client);
        assertThat(clientWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("due"))).getText())
                .contains(SEED_TITLE).doesNotContain(importedTitle);
        client.findElement(By.linkText(SEED_TITLE)).click();
        assertThat(clientWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reason"))).getText())
                .isEqualTo(REASON);
        client.findElement(By.id("plan-whenWhere")).sendKeys(PLAN);
        client.findElement(By.id("save-plan")).click();
        clientWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "plan was saved"));
        WebElement answer = client.findElement(By.cssSelector("#homework-form textarea"));
        answer.sendKeys(ANSWER);
        clientWait.until(ExpectedConditions.textToBePresentInElement(
                client.findElement(By.cssSelector("#homework-form .save-state")), "Saved"));
        String firstStep = client.getCurrentUrl();
        client.findElement(By.id("submit")).click();
        clientWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "submitted"));
        therapist.navigate().refresh();
        assertThat(enrolmentLine(therapist, programTitle)).as("two days have not passed").contains("1 of 2 steps given");

        // Two days on, and journal-service killed and started again: step two comes, once.
        StackClock.advance(Duration.ofDays(2).plusMinutes(5));
        stack.kill("journal-service");
        stack.restart("journal-service");
        new FluentWait<>(client).withTimeout(Duration.ofSeconds(150)).pollingEvery(Duration.ofSeconds(3))
                .until(browser -> {
                    browser.get(stack.publicUrl() + "/");
                    List<WebElement> due = browser.findElements(By.id("due"));
                    return !due.isEmpty() && due.get(0).getText().contains(importedTitle);
                });
        assertThat(client.findElement(By.id("due")).findElements(By.linkText(importedTitle)))
                .as("step two, exactly once").hasSize(1);
        new FluentWait<>(therapist).withTimeout(Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(2))
                .until(browser -> {
                    browser.get(stack.publicUrl() + "/programs");
                    return enrolmentLine(browser, programTitle).contains("2 of 2 steps given");
                });
        assertThat(enrolmentLine(therapist, programTitle)).contains("Every step given");

        // The therapist rates step one and finds it, with the plan and the rating, on the review agenda.
        therapist.get(firstStep);
        WebElement rating = therapistWait.until(ExpectedConditions.presenceOfElementLocated(By.id("rating-3")));
        ((JavascriptExecutor) therapist).executeScript("arguments[0].click();", rating);
        therapist.findElement(By.id("rate")).click();
        therapistWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "rating was saved"));
        therapist.get(stack.publicUrl() + "/clients/" + clientId + "/agenda");
        WebElement handedIn = therapistWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("agenda-handed-in")));
        assertThat(handedIn.getText()).contains(SEED_TITLE).contains(ANSWER).contains(PLAN).contains(REASON)
                .contains("Your rating: 3 of 3");
        checkAccessibility(therapist, "therapist-agenda-program");
        therapist.findElement(By.cssSelector("#agenda-reviewed button")).click();
        therapistWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Marked reviewed"));
        assertThat(therapist.findElement(By.id("agenda-empty")).getText()).contains("Nothing new since the last review");
    }

    /** The line of the programs page for the enrolment in {@code programTitle}. */
    private static String enrolmentLine(WebDriver therapist, String programTitle) {
        return therapist.findElements(By.cssSelector("#enrolments li")).stream().map(WebElement::getText)
                .filter(text -> text.contains(programTitle)).findFirst()
                .orElseThrow(() -> new AssertionError("no enrolment in " + programTitle + " on " + therapist.getCurrentUrl()));
    }


    private static WebDriverWait waitFor(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private static void assertReflows(WebDriver browser, String page) {
        assertThat(Browser.sidewaysOverflow(browser)).as(page + ": CSS pixels wider than the window").isZero();
    }

    private static void checkAccessibility(WebDriver browser, String page) {
        assertThat(Browser.accessibilityViolations(browser, page)).as("accessibility violations on " + page).isEmpty();
    }
}
