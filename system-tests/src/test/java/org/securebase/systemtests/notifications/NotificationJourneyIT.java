package org.securebase.systemtests.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.securebase.localstack.SecureBaseStack;
import org.securebase.platform.embedded.MailServer.ReceivedMail;
import org.securebase.systemtests.Browser;
import org.securebase.systemtests.RunningStack;
import org.securebase.systemtests.StackClock;
import org.securebase.systemtests.authorization.ApiService;
import org.securebase.systemtests.authorization.Http;
import org.securebase.systemtests.authorization.StackAccess;

import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * Homework mails on the running stack, through its real SMTP server. A therapist and a client made for this run; the
 * therapist assigns the seed article with a question carrying a canary word, due at noon in the client's zone four
 * days on. The client gets "new homework" at once, linking to the assignment and nothing of the article or the
 * question. Nothing else comes until the stack's clocks move to an hour before the due time: then the reminder. Its
 * unsubscribe link, opened in a browser without a login, asks first and unsubscribes from reminders only on the
 * button. In the portal's settings the client finds reminders switched off and chooses Spanish; an hour past the due
 * time the overdue mail comes, in Spanish, and its RFC 8058 one-click header switches that kind off too. No mail to the
 * client ever carries the canary, the question or the article's title.
 */
@ExtendWith(RunningStack.class)
class NotificationJourneyIT {

    private static final Pattern UNSUBSCRIBE_LINK = Pattern.compile("https?://[^\\s\"'<>]+/notifications/unsubscribe\\?token=[A-Za-z0-9._\\-]+");
    private static final Duration MAIL_WAIT = Duration.ofSeconds(60);

    private final List<WebDriver> browsers = new ArrayList<>();
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
        browsers.forEach(WebDriver::quit);
    }

    @Test
    void newHomeworkReminderAndOverdueMailsFollowTheClockAndTheClientsChoices() {
        String run = StackAccess.runMark();
        String clientEmail = "nora.notified." + run + "@example.org";
        UUID therapistId = access.newPerson("tess.teller." + run + "@example.org", "Tess", "Teller" + run, "therapist");
        UUID clientId = access.newPerson(clientEmail, "Nora", "Notified" + run, "client");
        String admin = token("admin@securebase.test");
        http.send("PUT", accounts("/api/accounts/" + clientId + "/therapist"), admin,
                Map.of("therapistId", therapistId.toString()), Map.of()).expect(200);
        String therapist = token("tess.teller." + run + "@example.org");
        String client = token(clientEmail);
        ZoneId zone = ZoneId.of(http.get(accounts("/api/accounts/me/notifications"), client).expect(200).json()
                .path("zone").asString());

        // Due at noon in the client's zone, four days on: the reminder (the day before at 18:00) is out of quiet hours.
        Instant dueAt = ZonedDateTime.ofInstant(StackClock.journalNow(), zone).plusDays(4).with(LocalTime.NOON).toInstant();
        JsonArticle article = seedArticle(therapist);
        String canary = "Lighthouse" + run;
        String question = "Which moment of the week does " + canary + " remind you of?";
        Map<String, Object> assignment = Map.of("clientId", clientId, "articleId", article.id(),
                "prompts", List.of(Map.of("kind", "TEXT", "question", question)), "dueAt", dueAt.toString());
        // journal-service accepts it once it has heard of the caseload.
        String assignmentId = Http.awaitStatus("the client's caseload reaches journal-service", 201, Duration.ofSeconds(90),
                () -> http.send("POST", journal("/api/journal/assignments"), therapist, assignment, Map.of()))
                .json().path("id").asString();

        ReceivedMail newHomework = awaitMail(clientEmail, "the new-homework mail",
                mail -> "You have new homework".equals(mail.subject()));
        assertThat(newHomework.text()).contains(stack.publicUrl() + "/assignments/" + assignmentId)
                .containsPattern(UNSUBSCRIBE_LINK);
        assertThat(newHomework.header("List-Unsubscribe")).isPresent();
        assertThat(newHomework.header("Auto-Submitted")).contains("auto-generated");
        assertThat(http.get(stack.mail().viewerUrl(), null).status()).isEqualTo(200);
        assertThat(mailsTo(clientEmail)).as("only the new-homework mail before the reminder's time").hasSize(1);

        // An hour before the due time (the reminder was due 17 hours ago by then): the reminder comes.
        StackClock.advance(Duration.between(StackClock.journalNow(), dueAt.minus(1, ChronoUnit.HOURS)));
        ReceivedMail reminder = awaitMail(clientEmail, "the reminder", mail -> mail.subject().startsWith("Reminder: homework due"));
        assertThat(reminder.text()).contains(stack.publicUrl() + "/assignments/" + assignmentId);
        assertThat(mailsTo(clientEmail)).as("no overdue mail before the due time").hasSize(2);

        // Its unsubscribe link, in a browser with nobody logged in: opening it asks, the button unsubscribes.
        WebDriver anonymous = open();
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

        // The client's settings page shows it, and the client chooses Spanish mails there.
        WebDriver browser = logIn(clientEmail);
        browser.get(stack.publicUrl() + "/settings/notifications");
        WebDriverWait wait = waitFor(browser);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("settings-form")));
        assertThat(browser.findElement(By.id("kind-HOMEWORK_DUE")).isSelected()).isFalse();
        assertThat(browser.findElement(By.id("kind-HOMEWORK_OVERDUE")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("zone")).getDomProperty("value")).isEqualTo(zone.getId());
        assertThat(Browser.accessibilityViolations(browser, "notification-settings")).isEmpty();
        browser.findElement(By.id("language-es")).click();
        browser.findElement(By.cssSelector("#settings-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Saved."));
        assertThat(preferences(client).path("language").asString()).isEqualTo("es");
        assertThat(browser.findElement(By.id("kind-HOMEWORK_DUE")).isSelected()).as("saving kept the switch").isFalse();

        // An hour past the due time: the overdue mail, in Spanish; its one-click header switches that kind off.
        StackClock.advance(Duration.ofHours(2));
        ReceivedMail overdue = awaitMail(clientEmail, "the overdue mail",
                mail -> "Su tarea ha pasado la fecha de entrega".equals(mail.subject()));
        String oneClick = overdue.header("List-Unsubscribe").orElseThrow().replaceAll("^<|>$", "");
        http.sendRaw("POST", oneClick, null, "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click".getBytes(StandardCharsets.UTF_8), Map.of()).expect(200);
        assertThat(preferences(client).path("kinds").path("HOMEWORK_OVERDUE").asBoolean()).isFalse();

        // Only what happened, never what it is about.
        List<ReceivedMail> all = mailsTo(clientEmail);
        assertThat(all).hasSize(3);
        for (ReceivedMail mail : all) {
            assertThat(mail.subject() + "\n" + mail.body() + "\n" + mail.text()).as(mail.subject())
                    .doesNotContain(canary).doesNotContain(question).doesNotContainIgnoringCase(article.title())
                    .doesNotContain("Notified" + run);
        }
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

    private WebDriver open() {
        WebDriver browser = Browser.open();
        browsers.add(browser);
        return browser;
    }

    private WebDriver logIn(String email) {
        WebDriver browser = open();
        browser.get(stack.publicUrl() + "/");
        waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-form-login")));
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(stack.demoPassword());
        browser.findElement(By.id("kc-login")).click();
        waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("greeting")));
        return browser;
    }

    private static WebDriverWait waitFor(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }
}
