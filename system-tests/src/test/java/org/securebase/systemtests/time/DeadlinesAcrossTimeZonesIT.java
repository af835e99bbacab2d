package org.securebase.systemtests.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.securebase.localstack.SecureBaseStack;
import org.securebase.systemtests.Browser;
import org.securebase.systemtests.RunningStack;
import org.securebase.systemtests.StackClock;
import org.securebase.systemtests.WrittenTexts;
import org.securebase.systemtests.authorization.ApiService;
import org.securebase.systemtests.authorization.Http;
import org.securebase.systemtests.authorization.StackAccess;

import tools.jackson.databind.JsonNode;

/**
 * A client in Auckland and their therapist in Los Angeles. The client's first home page, on a device set to Auckland,
 * offers that zone and they take it; the therapist's is chosen in their settings. The therapist assigns homework due
 * on a day; it is due at the end of that day in the client's zone, each of them sees that one
 * deadline as their own local time, and the client handing it in a minute before their midnight is on time. The
 * stack's clocks move forward to that minute (they only move forward; other suites reckon from journal-service's now).
 */
class DeadlinesAcrossTimeZonesIT {

    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private static final String SEED_SLUG = "attachment-and-healing";
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz",
            Locale.ENGLISH);
    private static final String QUESTION = "What do you notice when someone is late to reply?";
    private static final String ANSWER = "I notice the old worry, and that it passes when I name it.";

    private final SecureBaseStack stack = RunningStack.get();
    private final StackAccess access = StackAccess.of(stack);
    private final Http http = new Http();
    private final List<WebDriver> browsers = new ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
    }

    @Test
    void oneDeadlineInEachPersonsOwnTimeAndHandingInAMinuteBeforeTheClientsMidnightIsOnTime() {
        WrittenTexts.wrote(QUESTION, ANSWER);
        String run = StackAccess.runMark();
        String therapistEmail = "lee.angeles." + run + "@example.org";
        String clientEmail = "aroha.auckland." + run + "@example.org";
        UUID therapistId = access.newPerson(therapistEmail, "Lee", "Angeles" + run, "therapist");
        UUID clientId = access.newPerson(clientEmail, "Aroha", "Auckland" + run, "client");
        access.putOnCaseload(clientId, therapistId);
        chooseZone(therapistEmail, LOS_ANGELES);

        WebDriver client = logIn(clientEmail, AUCKLAND);
        WebElement offer = wait(client).until(ExpectedConditions.visibilityOfElementLocated(By.id("zone-suggestion")));
        String practiceZone = offer.getAttribute("data-current");
        assertThat(offer.getText()).contains("Dates are shown in " + practiceZone + " time.")
                .contains("This device is set to Pacific/Auckland.");
        client.findElement(By.id("use-device-zone")).click();
        wait(client).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "your time zone"));
        assertThat(client.findElements(By.id("zone-suggestion"))).as("no offer once the zones agree")
                .allSatisfy(form -> assertThat(form.isDisplayed()).isFalse());

        // Due the day after tomorrow by the client's calendar (by journal-service's clock, which other suites move).
        LocalDate dueDay = LocalDate.ofInstant(StackClock.journalNow(), AUCKLAND).plusDays(2);
        Instant endOfDueDayInAuckland = dueDay.plusDays(1).atStartOfDay(AUCKLAND).toInstant();

        WebDriver therapist = logIn(therapistEmail, LOS_ANGELES);
        therapist.get(stack.publicUrl() + "/assignments/new?article=" + SEED_SLUG + "&client=" + clientId);
        WebElement due = wait(therapist).until(ExpectedConditions.visibilityOfElementLocated(By.id("due")));
        // A date field's typing order follows Chromium's locale; the value itself is ISO in every locale.
        ((JavascriptExecutor) therapist).executeScript("arguments[0].value = arguments[1];", due, dueDay.toString());
        therapist.findElement(By.id("question")).sendKeys(QUESTION);
        therapist.findElement(By.id("assign")).click();
        wait(therapist).until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));

        client.navigate().refresh();
        WebElement homework = wait(client).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#due a")));
        String page = homework.getAttribute("href");
        UUID assignmentId = UUID.fromString(page.substring(page.lastIndexOf('/') + 1));
        JsonNode assigned = assignment(clientEmail, assignmentId);
        Instant dueAt = Instant.parse(assigned.path("dueAt").asString());
        assertThat(dueAt).as("due at the last second of the day in the client's zone")
                .isEqualTo(endOfDueDayInAuckland.minusSeconds(1));

        client.get(page);
        String clientSees = wait(client).until(ExpectedConditions.visibilityOfElementLocated(By.id("due-at"))).getText();
        therapist.get(page);
        String therapistSees = wait(therapist).until(ExpectedConditions.visibilityOfElementLocated(By.id("due-at")))
                .getText();
        assertThat(clientSees).isEqualTo("Due " + DEADLINE.format(dueAt.atZone(AUCKLAND))).contains(", 23:59 NZ");
        assertThat(therapistSees).isEqualTo("Due " + DEADLINE.format(dueAt.atZone(LOS_ANGELES)));
        assertThat(therapistSees).doesNotContain("23:59");

        // A minute before the client's midnight, they hand it in.
        StackClock.advance(Duration.between(StackClock.journalNow(), endOfDueDayInAuckland.minusSeconds(60)));
        client.navigate().refresh();
        WebElement answer = wait(client).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#homework-form textarea")));
        answer.sendKeys(ANSWER);
        wait(client).until(ExpectedConditions.textToBePresentInElement(
                client.findElement(By.cssSelector("#homework-form .save-state")), "Saved"));
        client.findElement(By.id("submit")).click();
        wait(client).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "submitted"));

        JsonNode handedIn = assignment(clientEmail, assignmentId);
        Instant submittedAt = Instant.parse(handedIn.path("submittedAt").asString());
        assertThat(submittedAt).as("handed in before the client's midnight").isBefore(endOfDueDayInAuckland)
                .isAfterOrEqualTo(endOfDueDayInAuckland.minusSeconds(60));
        assertThat(submittedAt).as("on time: not after the due time").isBeforeOrEqualTo(dueAt);
        assertThat(handedIn.path("overdue").asBoolean()).isFalse();
        // Right after the clocks move, journal-service holds the caseload stale until account-service's next heartbeat
        // (stamped by its moved clock) arrives, and refuses therapists until then: the page is asked for again.
        WebElement status = new FluentWait<>(therapist).withTimeout(Duration.ofSeconds(120))
                .pollingEvery(Duration.ofSeconds(3)).ignoring(NoSuchElementException.class).until(browser -> {
                    browser.navigate().refresh();
                    return browser.findElement(By.id("status"));
                });
        assertThat(status.getText()).isNotBlank();
        assertThat(therapist.findElements(By.cssSelector(".meta .badge"))).as("no 'Overdue' badge").isEmpty();
    }

    /** The person's notification settings as they are, with {@code zone} chosen, as the settings page saves them. */
    private void chooseZone(String email, ZoneId zone) {
        String token = access.portal().login(email, access.demoPassword()).accessToken();
        String url = access.serviceUrl(ApiService.ACCOUNTS) + "/api/accounts/me/notifications";
        @SuppressWarnings("unchecked")
        Map<String, Object> preferences = new LinkedHashMap<>(
                Http.JSON.readValue(http.get(url, token).expect(200).body(), Map.class));
        preferences.put("zone", zone.getId());
        http.send("PUT", url, token, preferences, Map.of()).expect(200);
    }

    private JsonNode assignment(String email, UUID id) {
        String token = access.portal().login(email, access.demoPassword()).accessToken();
        return http.get(access.serviceUrl(ApiService.JOURNAL) + "/api/journal/assignments/" + id, token).expect(200)
                .json();
    }

    /** A browser on a device set to {@code deviceZone} (Chromium's own emulation), signed in as {@code email}. */
    private WebDriver logIn(String email, ZoneId deviceZone) {
        WebDriver browser = Browser.open();
        browsers.add(browser);
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setTimezoneOverride",
                Map.of("timezoneId", deviceZone.getId()));
        browser.get(stack.publicUrl() + "/");
        Browser.logIn(browser, email, access.demoPassword());
        return browser;
    }

    private static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }
}
