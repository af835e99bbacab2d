package org.securebase.systemtests;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.securebase.localstack.SecureBaseStack;
import org.securebase.platform.embedded.MailServer;
import org.securebase.platform.embedded.keycloak.OidcBrowserlessLogin;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The homework story through the browser, every person in their own browser: the admin invites a therapist and a
 * client; each follows the link in their invitation email (read from the local SMTP server) to choose a password,
 * the therapist also enrols TOTP; the admin puts the client on the therapist's caseload. The therapist assigns the
 * seed article with a free-text prompt and a checklist made from "How Attachment Wounds Show Up", due in a week;
 * the client reads the pinned article beside the homework, answers (autosaved) and submits; the therapist sees it
 * submitted and gives feedback on one answer; the client reads the feedback, replies, and finds the therapist's
 * read on "Who has seen my data". Each role's main page is screenshotted and checked with axe-core for serious or
 * critical violations.
 */
@ExtendWith(RunningStack.class)
class StoryJourneyIT {

    private static final String SEED_TITLE = "Attachment and Healing: Why Relationships in Therapy Matter";
    private static final String CHECKLIST_SECTION = "How Attachment Wounds Show Up";
    private static final String QUESTION = "Which of these patterns do you notice in your week?";
    private static final String ANSWER = "Mostly when plans change at the last minute.";
    private static final String REASON = "Spotting the pattern early is how we loosen its grip.";
    private static final String PLAN = "Thursday after work, on the bench in the park";
    private static final String FEEDBACK = "Thank you for noticing this; let us look at it together next session.";
    private static final String ENTRY_TITLE = "A calmer Sunday";
    private static final String ENTRY_BODY = "Talked to my sister without bracing for a fight.";
    private static final String NEW_PASSWORD = "Chosen-by-the-invitee-2026";

    private final List<WebDriver> browsers = new ArrayList<>();
    /** The 30-second step whose code enrolled each TOTP secret. */
    private final Map<String, Long> enrolmentSteps = new HashMap<>();
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
    void inviteAssignAnswerSubmitReviewAndSeeWhoRead() {
        // Names take letters only, so the run's mark is the clock's digits spelled as letters.
        String run = Long.toString(System.nanoTime() % 1_000_000_000L).chars()
                .mapToObj(digit -> String.valueOf((char) ('a' + digit - '0'))).collect(Collectors.joining());
        String therapistEmail = "tessa.thorne." + run + "@example.org";
        String clientEmail = "robin.reader." + run + "@example.org";
        String therapistName = "Tessa Thorne-" + run;
        String clientName = "Robin Reader-" + run;

        // The admin's home: the accounts. The admin invites a therapist and a client; Keycloak emails both.
        WebDriver admin = logIn("admin@securebase.test", stack.demoPassword(), null);
        WebDriverWait adminWait = waitFor(admin);
        adminWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("accounts")));
        assertThat(admin.findElement(By.id("accounts")).getText()).contains("client@securebase.test");
        checkAccessibility(admin, "admin-home");
        invite(admin, therapistEmail, "Tessa", "Thorne-" + run, "therapist", true);
        invite(admin, clientEmail, "Robin", "Reader-" + run, "client", false);

        // Each follows their invitation link: a password, and for the therapist TOTP too.
        WebDriver therapist = Browser.open();
        browsers.add(therapist);
        String therapistTotp = acceptInvitation(therapist, invitationLink(therapistEmail));
        assertThat(therapistTotp).as("a therapist must enrol TOTP when accepting the invitation").isNotNull();
        WebDriver client = Browser.open();
        browsers.add(client);
        assertThat(acceptInvitation(client, invitationLink(clientEmail))).as("a client is not asked for TOTP").isNull();

        // The therapist's first login (password and TOTP) activates the account; then the admin can choose them.
        logIn(therapist, therapistEmail, NEW_PASSWORD, therapistTotp);
        WebDriverWait therapistWait = waitFor(therapist);
        admin.findElement(By.id("account-name")).sendKeys(clientName);
        admin.findElement(By.cssSelector("form.search button")).click();
        adminWait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("a[aria-label='Choose therapist: " + clientName + "']"))).click();
        new Select(adminWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("therapistId"))))
                .selectByVisibleText(therapistName);
        admin.findElement(By.id("assign-therapist")).click();
        adminWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "assigned to the therapist"));

        // The therapist finds the client on the caseload and assigns the seed article with a question and a
        // checklist, due in a week.
        therapist.get(stack.publicUrl() + "/");
        therapistWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("caseload"), clientName));
        checkAccessibility(therapist, "therapist-home");
        assignSeedArticle(therapist, clientName);

        // The therapist writes a short article in Markdown, watches the live preview, and publishes it.
        String articleTitle = "Small steps toward trust " + run;
        WrittenTexts.wrote(REASON, PLAN, articleTitle, "Trust grows in", QUESTION, ANSWER, "And on Sundays", FEEDBACK,
                "I will bring an example", ENTRY_TITLE, ENTRY_BODY);
        therapist.findElement(By.linkText("Write articles")).click();
        therapistWait.until(ExpectedConditions.elementToBeClickable(By.id("new-article"))).click();
        therapistWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("slug"))).sendKeys("small-steps-" + run);
        therapist.findElement(By.id("title")).sendKeys(articleTitle);
        therapist.findElement(By.id("markdown")).sendKeys("## Noticing\n\nTrust grows in *small* steps.\n\n- Name one safe person\n");
        WebElement preview = therapist.findElement(By.id("preview"));
        therapistWait.until(ExpectedConditions.textToBePresentInElement(preview, "Name one safe person"));
        assertThat(preview.findElement(By.tagName("em")).getText()).isEqualTo("small");
        checkAccessibility(therapist, "therapist-writing");
        therapist.findElement(By.id("save")).click();
        therapistWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "draft was saved"));
        therapist.findElement(By.id("publish-confirm")).click();
        therapist.findElement(By.id("publish")).click();
        therapistWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "published in the library"));

        // The client logs in, sees it due, opens it: the article beside the homework.
        logIn(client, clientEmail, NEW_PASSWORD, null);
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
        // On a phone-sized window the homework comes below the reading.
        client.manage().window().setSize(new Dimension(390, 844));
        WebElement narrowReading = client.findElement(By.cssSelector(".side-by-side .reading-body"));
        assertThat(client.findElement(By.id("homework-form")).getLocation().getY())
                .as("on a phone the homework is stacked below the reading")
                .isGreaterThan(narrowReading.getLocation().getY() + narrowReading.getSize().getHeight() / 2);
        checkAccessibility(client, "client-assignment-phone");
        // The narrowest phones: the page reflows (no sideways scrolling) and "Log out" stays on the screen.
        client.manage().window().setSize(new Dimension(360, 800));
        assertReflows(client, "the assignment page at 360 px");
        client.manage().window().setSize(new Dimension(1280, 900));

        // Why this homework, as the therapist wrote it; the client makes a plan (invited, not required).
        assertThat(client.findElement(By.id("reason")).getText()).isEqualTo(REASON);
        client.findElement(By.id("plan-whenWhere")).sendKeys(PLAN);
        client.findElement(By.id("plan-coping")).sendKeys("Read just the first section.");
        client.findElement(By.id("save-plan")).click();
        clientWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "plan was saved"));
        assertThat(client.findElement(By.id("plan-whenWhere")).getDomProperty("value")).isEqualTo(PLAN);
        checkAccessibility(client, "client-assignment-with-plan");
        homework = client.findElement(By.id("homework-form"));

        // Autosave: typing is saved without pressing a button, and is there after a reload.
        WebElement answer = homework.findElement(By.cssSelector("textarea"));
        answer.sendKeys(ANSWER);
        clientWait.until(ExpectedConditions.textToBePresentInElement(saveState(answer), "Saved"));
        client.navigate().refresh();
        assertThat(clientWait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#homework-form textarea")))
                .getDomProperty("value")).isEqualTo(ANSWER);

        // The session ends while the client is typing: the text stays in this browser, and after signing in again
        // (here Keycloak's own session signs them straight back in) it is restored and saved.
        String assignmentPage = client.getCurrentUrl();
        client.manage().deleteCookieNamed("SB_SESSION");
        WebElement typing = client.findElement(By.cssSelector("#homework-form textarea"));
        typing.sendKeys(" And on Sundays.");
        clientWait.until(ExpectedConditions.textToBePresentInElement(saveState(typing), "Not saved yet"));
        client.get(assignmentPage);
        WebElement restored = clientWait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#homework-form textarea")));
        clientWait.until(ExpectedConditions.textToBePresentInElement(saveState(restored), "Saved"));
        assertThat(restored.getDomProperty("value")).isEqualTo(ANSWER + " And on Sundays.");
        client.navigate().refresh();
        assertThat(clientWait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#homework-form textarea")))
                .getDomProperty("value")).as("the restored draft reached the server").isEqualTo(ANSWER + " And on Sundays.");

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
        assertThat(therapist.findElement(By.id("plan-made")).getText()).contains(PLAN).contains("Read just the first section.");
        WebElement feedbackForm = answers.findElement(By.cssSelector("form.feedback-form"));
        feedbackForm.findElement(By.tagName("textarea")).sendKeys(FEEDBACK);
        feedbackForm.findElement(By.tagName("button")).click();
        therapistWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "feedback was sent"));
        // Quality, not only completion: the therapist rates how well it was done; the caseload shows it.
        labelled(therapist, "3: done fully, with skill").click();
        therapist.findElement(By.id("rate")).click();
        therapistWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "rating was saved"));
        assertThat(therapist.findElement(By.id("rating-3")).isSelected()).isTrue();
        checkAccessibility(therapist, "therapist-assignment-rated");
        therapist.get(stack.publicUrl() + "/");
        assertThat(therapistWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("caseload"))).getText())
                .contains("3.0 over 1 rated (latest: 3)");

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

        // The client writes a journal entry with a mood and shares it; the therapist reads it.
        client.findElement(By.linkText("Journal")).click();
        clientWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("write-form")));
        client.findElement(By.id("title")).sendKeys(ENTRY_TITLE);
        client.findElement(By.id("body")).sendKeys(ENTRY_BODY);
        labelled(client, "4 – good").click();
        client.findElement(By.id("share")).click();
        client.findElement(By.id("write")).click();
        clientWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "shared with your therapist"));
        assertThat(client.findElement(By.id("mood")).getText()).contains("4");
        checkAccessibility(client, "client-journal");
        therapist.findElement(By.linkText("Shared entries")).click();
        therapistWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("shared-entries")))
                .findElement(By.linkText(ENTRY_TITLE)).click();
        assertThat(therapistWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("entry-body"))).getText())
                .isEqualTo(ENTRY_BODY);

        // The review agenda before the next session: the homework with its answer, plan and rating, the reply still
        // awaiting an answer, the shared entry; printable; marking it reviewed, by keyboard, empties it.
        therapist.get(stack.publicUrl() + "/");
        therapistWait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("a[aria-label='Review agenda of " + clientName + "']"))).click();
        WebElement handedIn = therapistWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("agenda-handed-in")));
        assertThat(handedIn.getText()).contains(SEED_TITLE).contains(ANSWER).contains(PLAN).contains("Your rating: 3 of 3");
        assertThat(therapist.findElement(By.id("agenda-replies")).getText()).contains("I will bring an example.");
        assertThat(therapist.findElement(By.id("agenda-entries")).getText()).contains(ENTRY_BODY);
        checkAccessibility(therapist, "therapist-review-agenda");
        therapist.manage().window().setSize(new Dimension(320, 800));
        assertReflows(therapist, "the review agenda at 320 px");
        therapist.manage().window().setSize(new Dimension(1280, 900));
        therapist.findElement(By.id("agenda-print")).click();
        assertThat(therapistWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("agenda-handed-in"))).getText())
                .contains(ANSWER);
        assertThat(therapist.findElements(By.id("agenda-reviewed"))).isEmpty();
        therapist.navigate().back();
        therapistWait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#agenda-reviewed button")))
                .sendKeys(Keys.ENTER);
        therapistWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Marked reviewed"));
        assertThat(therapist.findElement(By.id("agenda-empty")).getText()).contains("Nothing new since the last review");
        assertThat(therapist.findElements(By.id("agenda-handed-in"))).isEmpty();

        client.findElement(By.linkText("Who has seen my data")).click();
        WebElement reads = clientWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reads")));
        assertThat(reads.getText()).contains(therapistName + " (therapist)").contains("Homework and answers")
                .contains("A shared journal entry");
        checkAccessibility(client, "client-who-has-seen-my-data");

        // The therapist's new article is in the client's library (the catalog follows publications by event).
        new FluentWait<>(client).withTimeout(Duration.ofSeconds(30)).pollingEvery(Duration.ofSeconds(1))
                .ignoring(NoSuchElementException.class)
                .until(browser -> {
                    browser.get(stack.publicUrl() + "/library?q=" + run);
                    return browser.findElement(By.id("library-results")).getText().contains(articleTitle);
                });
    }

    private void invite(WebDriver admin, String email, String firstName, String lastName, String role, boolean check) {
        WebDriverWait adminWait = waitFor(admin);
        admin.get(stack.publicUrl() + "/");
        adminWait.until(ExpectedConditions.elementToBeClickable(By.id("invite"))).click();
        adminWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email"))).sendKeys(email);
        admin.findElement(By.id("firstName")).sendKeys(firstName);
        admin.findElement(By.id("lastName")).sendKeys(lastName);
        new Select(admin.findElement(By.id("role"))).selectByVisibleText(role);
        if (check) {
            checkAccessibility(admin, "admin-invite");
        }
        admin.findElement(By.id("send-invitation")).click();
        adminWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "invitation was sent"));
        assertThat(admin.findElement(By.id("accounts")).getText()).contains(email);
    }

    private String invitationLink(String email) {
        List<MailServer.ReceivedMail> mails = new FluentWait<>(stack).withTimeout(Duration.ofSeconds(60))
                .pollingEvery(Duration.ofMillis(500))
                .until(running -> {
                    List<MailServer.ReceivedMail> received = running.mail().messagesTo(email);
                    return received.isEmpty() ? null : received;
                });
        return mails.get(0).keycloakActionLink()
                .orElseThrow(() -> new AssertionError("no action link in the invitation to " + email));
    }

    /**
     * Follows the invitation in the browser as the invitee would: proceed, choose a password, and set up TOTP when
     * Keycloak asks for it (reading the key from the "unable to scan" text, as someone typing it into an
     * authenticator app would). Answers the TOTP secret, or null when none was asked for.
     */
    private String acceptInvitation(WebDriver browser, String link) {
        WebDriverWait wait = waitFor(browser);
        browser.get(link);
        String totpSecret = null;
        for (int step = 0; step < 6; step++) {
            wait.until(ExpectedConditions.or(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href*='login-actions/action-token']")),
                    ExpectedConditions.presenceOfElementLocated(By.id("password-new")),
                    ExpectedConditions.presenceOfElementLocated(By.id("kc-totp-settings-form")),
                    ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Your account has been updated")));
            WebElement page = browser.findElement(By.tagName("body"));
            if (page.getText().contains("Your account has been updated")) {
                // The invitation was sent with the portal as client: the last page leads into the portal.
                assertThat(browser.findElement(By.linkText("Continue to Secure Base")).getAttribute("href"))
                        .isEqualTo(stack.publicUrl() + "/");
                return totpSecret;
            }
            if (!browser.findElements(By.id("password-new")).isEmpty()) {
                browser.findElement(By.id("password-new")).sendKeys(NEW_PASSWORD);
                browser.findElement(By.id("password-confirm")).sendKeys(NEW_PASSWORD);
                browser.findElement(By.cssSelector("#kc-passwd-update-form [type=submit]")).click();
            } else if (!browser.findElements(By.id("kc-totp-settings-form")).isEmpty()) {
                checkAccessibility(browser, "keycloak-totp-setup");
                totpSecret = browser.findElement(By.name("totpSecret")).getDomProperty("value");
                Instant now = Instant.now();
                enrolmentSteps.put(totpSecret, now.getEpochSecond() / 30);
                browser.findElement(By.id("totp")).sendKeys(OidcBrowserlessLogin.totp(totpSecret, now));
                browser.findElement(By.id("userLabel")).sendKeys("Phone");
                browser.findElement(By.cssSelector("#kc-totp-settings-form [type=submit]")).click();
            } else {
                browser.findElement(By.cssSelector("a[href*='login-actions/action-token']")).click();
            }
            try {
                wait.until(Browser.leftThePage(page));
            } catch (TimeoutException stuck) {
                Browser.screenshot(browser, "invitation-stuck");
                throw new AssertionError("the invitation page did not move on: " + browser.getTitle() + " "
                        + browser.findElement(By.tagName("body")).getText(), stuck);
            }
        }
        throw new AssertionError("the invitation did not end with 'Your account has been updated': "
                + browser.getTitle() + " " + browser.findElement(By.tagName("body")).getText());
    }

    private void assignSeedArticle(WebDriver therapist, String clientName) {
        WebDriverWait therapistWait = waitFor(therapist);
        therapist.findElement(By.linkText("Assign a reading")).click();
        new Select(therapistWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("article-choice"))))
                .selectByVisibleText(SEED_TITLE);
        therapist.findElement(By.id("preview-article")).click();
        new Select(therapistWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("client"))))
                .selectByVisibleText(clientName);
        assertThat(therapist.findElement(By.cssSelector(".preview .reading-body")).getText()).contains(CHECKLIST_SECTION);
        // A week from journal-service's today rather than the form's default (the portal's today): another suite may
        // have moved the services' clocks on, and journal-service refuses a due date in its past.
        LocalDate due = LocalDate.ofInstant(StackClock.journalNow().plus(Duration.ofDays(7)), ZoneId.systemDefault());
        ((JavascriptExecutor) therapist).executeScript("arguments[0].value = arguments[1];",
                therapist.findElement(By.id("due")), due.toString());
        therapist.findElement(By.id("question")).sendKeys(QUESTION);
        therapist.findElement(By.id("reason")).sendKeys(REASON);
        labelled(therapist, CHECKLIST_SECTION).click();
        therapist.findElement(By.id("assign")).click();
        therapistWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "assigned"));
    }

    private WebDriver logIn(String username, String password, String totpSecret) {
        WebDriver browser = Browser.open();
        browsers.add(browser);
        logIn(browser, username, password, totpSecret);
        return browser;
    }

    private void logIn(WebDriver browser, String username, String password, String totpSecret) {
        List<WebElement> onward = browser.findElements(By.linkText("Continue to Secure Base"));
        if (onward.isEmpty()) {
            browser.get(stack.publicUrl() + "/");
        } else {
            // Straight on from the invitation's last page, without typing the portal's address.
            onward.get(0).click();
        }
        waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-form-login")));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
        if (totpSecret != null) {
            // Keycloak refuses a code twice: log in with a step after the one that enrolled it (its window allows one ahead).
            long step = Math.max(Instant.now().getEpochSecond() / 30, enrolmentSteps.getOrDefault(totpSecret, 0L) + 1);
            waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("otp")))
                    .sendKeys(OidcBrowserlessLogin.totp(totpSecret, Instant.ofEpochSecond(step * 30)));
            browser.findElement(By.id("kc-login")).click();
        }
        waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("greeting")));
    }

    /** The autosave status line of the prompt a control belongs to. */
    private static WebElement saveState(WebElement control) {
        return control.findElement(By.xpath("ancestor::div[contains(@class,'prompt')]//p[contains(@class,'save-state')]"));
    }

    private static WebDriverWait waitFor(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    /** The control a visible label names, as a keyboard or screen-reader user would find it. */
    private static WebElement labelled(WebDriver browser, String labelText) {
        WebElement label = browser.findElement(By.xpath("//label[contains(normalize-space(.), '" + labelText + "')]"));
        return browser.findElement(By.id(label.getAttribute("for")));
    }

    private static void assertReflows(WebDriver browser, String page) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        long viewport = ((Number) js.executeScript("return document.documentElement.clientWidth;")).longValue();
        assertThat(Browser.sidewaysOverflow(browser)).as(page + ": CSS pixels wider than the window").isZero();
        WebElement logOut = browser.findElement(By.cssSelector("#logout-form button"));
        assertThat(logOut.getLocation().getX() + logOut.getSize().getWidth())
                .as(page + ": the right edge of \"Log out\"").isLessThanOrEqualTo((int) viewport);
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
