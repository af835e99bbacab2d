package org.securebase.systemtests.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.securebase.localstack.SecureBaseStack;
import org.securebase.platform.embedded.MailServer.ReceivedMail;
import org.securebase.systemtests.Browser;
import org.securebase.systemtests.RunningStack;
import org.securebase.systemtests.SignedInBrowsers;
import org.securebase.systemtests.ServiceDatabase;
import org.securebase.systemtests.StackClock;
import org.securebase.systemtests.WrittenTexts;
import org.securebase.systemtests.authorization.ApiService;
import org.securebase.systemtests.authorization.Http;
import org.securebase.systemtests.authorization.StackAccess;

import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * Homework mails on the running stack, through its real SMTP server. A therapist and a client made for this run. In
 * the portal's settings the client chooses Europe/Madrid and reminders at 19:30. The therapist assigns the seed article
 * twice, with a question carrying a canary word, due in two days at noon and a minute past noon (Madrid). The client
 * gets "new homework" for each. Nothing more comes until the stack's clocks move to a minute past 19:30 the day before:
 * then one "due tomorrow" reminder per assignment, dated 19:30 in Madrid. Its unsubscribe link, opened in a browser
 * without a login, asks first and unsubscribes from reminders only on the button; the settings page then shows them
 * off, and the client chooses Spanish there. The client hands in the first homework; past both due times the second
 * one's overdue mail comes, in Spanish, and the first one's never does (its row says cancelled). The overdue mail's
 * RFC 8058 one-click header switches that kind off too. No mail to the client ever carries the canary, the question,
 * the answer or the article's title.
 */
@ExtendWith(RunningStack.class)
class NotificationJourneyIT {

    private static final Pattern UNSUBSCRIBE_LINK = Pattern.compile("https?://[^\\s\"'<>]+/notifications/unsubscribe\\?token=[A-Za-z0-9._\\-]+");
    private static final Duration MAIL_WAIT = Duration.ofSeconds(60);
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final LocalTime REMINDER_TIME = LocalTime.of(19, 30);

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
    void homeworkMailsComeAtTheClientsHourInTheirZoneOnceAndOnlyWhileWanted() {
        String run = StackAccess.runMark();
        String clientEmail = "nora.notified." + run + "@example.org";
        String therapistEmail = "tess.teller." + run + "@example.org";
        UUID therapistId = access.newPerson(therapistEmail, "Tess", "Teller" + run, "therapist");
        UUID clientId = access.newPerson(clientEmail, "Nora", "Notified" + run, "client");
        access.putOnCaseload(clientId, therapistId);
        String therapist = token(therapistEmail);
        String client = token(clientEmail);

        // The client's own zone and hour, chosen in the portal.
        WebDriver browser = browsers.signIn(stack, clientEmail);
        WebDriverWait wait = openSettings(browser);
        assertThat(Browser.accessibilityViolations(browser, "notification-settings")).isEmpty();
        WebElement zone = browser.findElement(By.id("zone"));
        zone.clear();
        zone.sendKeys(MADRID.getId());
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
                browser.findElement(By.id("reminderTime")), REMINDER_TIME.toString());
        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Saved."));
        JsonNode chosen = preferences(client);
        assertThat(chosen.path("zone").asString()).isEqualTo(MADRID.getId());
        assertThat(chosen.path("reminderTime").asString()).startsWith("19:30");

        // Two assignments due in two days, at noon and a minute past, Madrid time.
        Instant dueAt = ZonedDateTime.ofInstant(StackClock.journalNow(), MADRID).plusDays(2).with(LocalTime.NOON).toInstant();
        JsonArticle article = seedArticle(therapist);
        String canary = "Lighthouse" + run;
        String question = "Which moment of the week does " + canary + " remind you of?";
        WrittenTexts.wrote(canary, question);
        UUID handedIn = assign(therapist, clientId, article, question, dueAt);
        Instant assigned = Instant.now();
        ReceivedMail newHomework = awaitMail(clientEmail, "the new-homework mail", mail ->
                "You have new homework".equals(mail.subject()) && mail.text().contains("/assignments/" + handedIn));
        // A figure for the run's report, not a limit: timings are the benchmark's.
        System.out.printf("notification-journey new-homework-mail-after=%d ms%n",
                Duration.between(assigned, Instant.now()).toMillis());
        UUID leftOpen = assign(therapist, clientId, article, question, dueAt.plus(1, ChronoUnit.MINUTES));
        awaitMail(clientEmail, "the second new-homework mail", mail -> mail.text().contains("/assignments/" + leftOpen));
        assertThat(newHomework.text()).contains(stack.publicUrl() + "/assignments/" + handedIn).containsPattern(UNSUBSCRIBE_LINK);
        assertThat(newHomework.header("List-Unsubscribe")).isPresent();
        assertThat(newHomework.header("List-Unsubscribe-Post")).contains("List-Unsubscribe=One-Click");
        assertThat(newHomework.header("Auto-Submitted")).contains("auto-generated");
        assertThat(newHomework.header("Message-ID")).isPresent();
        assertThat(mailsTo(clientEmail)).as("only the new-homework mails before the reminders' hour").hasSize(2);

        // A minute past 19:30 the day before, Madrid time: one reminder for each, dated at the client's hour.
        Instant reminderAt = ZonedDateTime.ofInstant(dueAt, MADRID).minusDays(1).with(REMINDER_TIME).toInstant();
        StackClock.advance(Duration.between(StackClock.journalNow(), reminderAt.plus(1, ChronoUnit.MINUTES)));
        Predicate<ReceivedMail> reminderMail = mail -> mail.subject().startsWith("Reminder: homework due");
        List<ReceivedMail> reminders = await("the two reminders to " + clientEmail).atMost(MAIL_WAIT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> mailsTo(clientEmail).stream().filter(reminderMail).toList(), found -> found.size() == 2);
        ReceivedMail reminder = reminders.get(0);
        assertThat(reminders).extracting(mail -> mail.text().contains("/assignments/" + handedIn)).containsOnlyOnce(true);
        assertThat(reminders).extracting(mail -> mail.text().contains("/assignments/" + leftOpen)).containsOnlyOnce(true);
        for (ReceivedMail each : reminders) {
            LocalTime sentInMadrid = each.sentAt().atZone(MADRID).toLocalTime();
            assertThat(sentInMadrid).as("the reminder's Date in the client's zone")
                    .isBetween(REMINDER_TIME, REMINDER_TIME.plusMinutes(10));
        }
        assertThat(mailsTo(clientEmail)).as("no overdue mail before the due time").hasSize(4);

        // The reminder's unsubscribe link, in a browser with nobody logged in: opening it asks, the button unsubscribes.
        WebDriver anonymous = browsers.open();
        anonymous.get(unsubscribeLink(reminder));
        WebDriverWait anonymousWait = waitFor(anonymous);
        anonymousWait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Stop these emails?"));
        assertThat(preferences(client).path("kinds").path("HOMEWORK_DUE").asBoolean())
                .as("opening the link changes nothing").isTrue();
        assertThat(Browser.accessibilityViolations(anonymous, "unsubscribe-ask")).isEmpty();
        anonymous.findElement(By.id("unsubscribe")).click();
        WebElement done = anonymousWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("unsubscribed")));
        assertThat(done.getText()).contains("Reminder before homework is due");
        assertThat(Browser.accessibilityViolations(anonymous, "unsubscribe-done")).isEmpty();
        JsonNode kinds = preferences(client).path("kinds");
        assertThat(kinds.path("HOMEWORK_DUE").asBoolean()).as("reminders, unsubscribed").isFalse();
        assertThat(kinds.path("HOMEWORK_OVERDUE").asBoolean()).as("overdue mails, untouched").isTrue();
        assertThat(kinds.path("NEW_HOMEWORK").asBoolean()).as("new-homework mails, untouched").isTrue();

        // The settings page shows it; the client chooses Spanish mails there.
        openSettings(browser);
        assertThat(browser.findElement(By.id("kind-HOMEWORK_DUE")).isSelected()).isFalse();
        assertThat(browser.findElement(By.id("kind-HOMEWORK_OVERDUE")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("zone")).getDomProperty("value")).isEqualTo(MADRID.getId());
        browser.findElement(By.id("language-es")).click();
        browser.findElement(By.id("save")).click();
        // The portal is in the language just chosen from this page on.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Guardado."));
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("es");
        assertThat(preferences(client).path("language").asString()).isEqualTo("es");
        assertThat(browser.findElement(By.id("kind-HOMEWORK_DUE")).isSelected()).as("saving kept the switch").isFalse();

        // The client hands in the first homework; past both due times only the second one's overdue mail comes.
        String answer = "The Sunday phone call. " + canary;
        WrittenTexts.wrote(answer);
        String promptId = http.get(journal("/api/journal/assignments/" + handedIn), client).expect(200).json()
                .path("prompts").path(0).path("id").asString();
        http.send("PUT", journal("/api/journal/assignments/" + handedIn + "/answers/" + promptId), client,
                Map.of("text", answer), Map.of()).expect(200);
        http.send("POST", journal("/api/journal/assignments/" + handedIn + "/submit"), client, null, Map.of()).expect(200);
        ServiceDatabase accountDb = ServiceDatabase.of(stack.database("account"));
        await("the hand-in cancels the first homework's overdue mail").atMost(MAIL_WAIT)
                .until(() -> accountDb.rows("select status from notification where subject_id = ? and kind = 'HOMEWORK_OVERDUE'",
                        handedIn), statuses -> statuses.equals(List.of("CANCELLED")));
        StackClock.advance(Duration.between(StackClock.journalNow(), dueAt.plus(2, ChronoUnit.MINUTES)));
        ReceivedMail overdue = awaitMail(clientEmail, "the overdue mail",
                mail -> "Su tarea ha pasado la fecha de entrega".equals(mail.subject()));
        assertThat(overdue.text()).contains("/assignments/" + leftOpen);
        String oneClick = overdue.header("List-Unsubscribe").orElseThrow().replaceAll("^<|>$", "");
        http.sendRaw("POST", oneClick, null, "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click".getBytes(StandardCharsets.UTF_8), Map.of()).expect(200);
        assertThat(preferences(client).path("kinds").path("HOMEWORK_OVERDUE").asBoolean()).isFalse();

        // Exactly the five mails, each once, and only what happened, never what it is about.
        List<ReceivedMail> all = mailsTo(clientEmail);
        assertThat(all).hasSize(5);
        assertThat(all).extracting(mail -> mail.header("Message-ID").orElseThrow()).doesNotHaveDuplicates();
        assertThat(accountDb.rows("select status from notification where subject_id = ? and kind = 'HOMEWORK_OVERDUE'",
                handedIn)).containsExactly("CANCELLED");
        for (ReceivedMail mail : all) {
            assertThat(mail.subject() + "\n" + mail.body() + "\n" + mail.text()).as(mail.subject())
                    .doesNotContain(canary).doesNotContain(question).doesNotContain("Sunday phone call")
                    .doesNotContainIgnoringCase(article.title()).doesNotContain("Notified" + run);
        }
    }

    private UUID assign(String therapist, UUID clientId, JsonArticle article, String question, Instant dueAt) {
        Map<String, Object> assignment = Map.of("clientId", clientId, "articleId", article.id(),
                "prompts", List.of(Map.of("kind", "TEXT", "question", question)), "dueAt", dueAt.toString());
        // journal-service accepts it once it has heard of the caseload.
        return UUID.fromString(Http.awaitStatus("the client's caseload reaches journal-service", 201, Duration.ofSeconds(90),
                () -> http.send("POST", journal("/api/journal/assignments"), therapist, assignment, Map.of()))
                .json().path("id").asString());
    }

    private WebDriverWait openSettings(WebDriver browser) {
        browser.get(stack.publicUrl() + "/settings/notifications");
        WebDriverWait wait = waitFor(browser);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("settings-form")));
        return wait;
    }

    private record JsonArticle(String id, String title) {
    }

    private JsonArticle seedArticle(String therapist) {
        JsonNode article = http.get(access.serviceUrl(ApiService.CONTENT) + "/api/content/articles/attachment-and-healing",
                therapist).expect(200).json();
        return new JsonArticle(article.path("id").asString(), article.path("title").asString());
    }

    private JsonNode preferences(String token) {
        return http.get(accounts("/api/accounts/me/notifications"), token).expect(200).json();
    }

    private ReceivedMail awaitMail(String to, String what, Predicate<ReceivedMail> wanted) {
        return await(what + " to " + to).atMost(MAIL_WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> mailsTo(to).stream().filter(wanted).findFirst(), found -> found.isPresent())
                .orElseThrow();
    }

    private List<ReceivedMail> mailsTo(String address) {
        return stack.mail().messagesTo(address);
    }

    private static String unsubscribeLink(ReceivedMail mail) {
        Matcher link = UNSUBSCRIBE_LINK.matcher(mail.text());
        assertThat(link.find()).as("an unsubscribe link in " + mail.subject()).isTrue();
        return link.group();
    }

    private String token(String email) {
        return access.portal().login(email, stack.demoPassword()).accessToken();
    }

    private String accounts(String path) {
        return access.serviceUrl(ApiService.ACCOUNTS) + path;
    }

    private String journal(String path) {
        return access.serviceUrl(ApiService.JOURNAL) + path;
    }



    private static WebDriverWait waitFor(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }
}
