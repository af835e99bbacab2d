package org.securebase.systemtests.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.securebase.localstack.DemoStory;
import org.securebase.localstack.SecureBaseStack;
import org.securebase.systemtests.Browser;
import org.securebase.systemtests.RunningStack;
import org.securebase.systemtests.StackClock;
import org.securebase.systemtests.WrittenTexts;
import org.securebase.systemtests.authorization.ApiService;
import org.securebase.systemtests.authorization.Http;
import org.securebase.systemtests.authorization.StackAccess;

/**
 * The demo story the launcher tells on a fresh data folder ({@code ./run.sh --reset}), told here to a therapist and a
 * client of this suite's own (the shared stack leaves the demo people to the other suites): the client's first page
 * shows the seed article's homework and the therapist's feedback, the homework has its two questions, scale and
 * checklist, the therapist can read the shared entry, and telling it again writes nothing. The client's first visit
 * also shows the welcome, once; the footer keeps it reachable.
 */
@ExtendWith(RunningStack.class)
class DemoStoryIT {

    private static final String FIRST_ANSWER_TYPED = "With my sister, when she just listened.";
    private static final String SEED_TITLE = "Attachment and Healing: Why Relationships in Therapy Matter";

    private WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theClientsFirstPageShowsTheSeedArticlesHomeworkAndTheStoryIsToldOnce() {
        SecureBaseStack stack = RunningStack.get();
        StackAccess access = StackAccess.of(stack);
        WrittenTexts.wrote(DemoStory.clinicalTexts().toArray(String[]::new));
        WrittenTexts.wrote(FIRST_ANSWER_TYPED);
        String mark = StackAccess.runMark();
        String therapist = "theo.story." + mark + "@example.org";
        String client = "cara.story." + mark + "@example.org";
        access.newPerson(therapist, "Theo", "Story" + mark, "therapist");
        access.newPerson(client, "Cara", "Story" + mark, "client");
        DemoStory.Cast cast = new DemoStory.Cast("admin@securebase.test", therapist, client);
        DemoStory.Services services = new DemoStory.Services(access.serviceUrl(ApiService.ACCOUNTS),
                access.serviceUrl(ApiService.CONTENT), access.serviceUrl(ApiService.JOURNAL));
        // Due dates are reckoned from journal-service's clock, which other suites may have moved forward.
        Clock journalClock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), StackClock.journalNow()));

        DemoStory.Outcome told = DemoStory.tell(access.portal(), access.demoPassword(), services, cast, journalClock);
        DemoStory.Outcome again = DemoStory.tell(access.portal(), access.demoPassword(), services, cast, journalClock);

        assertThat(told.told()).isTrue();
        assertThat(again.told()).as("told again: nothing written").isFalse();
        String clientToken = access.portal().login(client, access.demoPassword()).accessToken();
        Http http = new Http();
        List<String> assignments = new ArrayList<>();
        http.get(access.serviceUrl(ApiService.JOURNAL) + "/api/journal/assignments", clientToken).expect(200).json()
                .path("items").forEach(item -> assignments.add(item.path("id").asString()));
        assertThat(assignments).containsExactlyInAnyOrder(told.dueId().toString(), told.handedInId().toString());
        String therapistToken = access.portal().login(therapist, access.demoPassword()).accessToken();
        assertThat(http.get(access.serviceUrl(ApiService.JOURNAL) + "/api/journal/shared-entries/" + told.sharedEntryId(),
                therapistToken).expect(200).json().path("body").asString()).isEqualTo(DemoStory.clinicalTexts().get(2));

        browser = Browser.open();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get(stack.publicUrl() + "/");
        Browser.logIn(browser, client, access.demoPassword());
        WebElement due = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("due")));
        WebElement homework = due.findElement(By.linkText(SEED_TITLE));
        assertThat(homework.getAttribute("href")).endsWith("/assignments/" + told.dueId());
        assertThat(browser.findElement(By.id("feedback")).findElement(By.linkText(SEED_TITLE)).getAttribute("href"))
                .as("the therapist's feedback on the first reflection").endsWith("/assignments/" + told.handedInId());
        assertThat(browser.findElement(By.id("welcome")).getText()).as("the first visit's welcome")
                .contains("Welcome to Secure Base").contains("Private by default.");
        Browser.screenshot(browser, "demo-story-client-home");

        homework.click();
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("homework-form")));
        assertThat(browser.findElement(By.id("reason")).getText()).contains("trust that people will stay");
        assertThat(form.getText()).contains("When did you last feel safe with someone?")
                .contains("What is one small step you could take this week")
                .contains("How safe do you feel in our sessions right now?")
                .contains("Which of these do you recognise in yourself?")
                .contains("Difficulty trusting others");
        assertThat(form.findElements(By.cssSelector("textarea"))).as("two questions").hasSize(2);
        assertThat(form.findElements(By.cssSelector("input[type=checkbox]"))).as("the article's list").hasSize(6);
        assertThat(browser.findElement(By.cssSelector(".reading-body")).getText())
                .contains("How Attachment Wounds Show Up");

        // How far the client is, kept current as they write: the count, and what submitting still needs.
        assertThat(browser.findElement(By.id("progress-count")).getText()).isEqualTo("0 of 4 answered");
        WebElement stillToAnswer = browser.findElement(By.id("still-to-answer"));
        assertThat(stillToAnswer.getText()).contains("When did you last feel safe with someone?")
                .contains("How safe do you feel in our sessions right now?");
        form.findElements(By.cssSelector("textarea")).get(0).sendKeys(FIRST_ANSWER_TYPED);
        wait.until(ExpectedConditions.textToBe(By.id("progress-count"), "1 of 4 answered"));
        assertThat(stillToAnswer.getText()).doesNotContain("When did you last feel safe with someone?")
                .contains("What is one small step you could take this week");
        form.findElements(By.cssSelector("input[type=checkbox]")).get(1).click();
        wait.until(ExpectedConditions.textToBe(By.id("progress-count"), "2 of 4 answered"));
        assertThat(browser.findElement(By.id("submit")).getAttribute("aria-describedby"))
                .isEqualTo("progress-count still-to-answer");

        browser.get(stack.publicUrl() + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("due")));
        assertThat(browser.findElements(By.id("welcome"))).as("welcomed once").isEmpty();
        browser.findElement(By.id("welcome-link")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Welcome to Secure Base"));
    }
}
