package org.securebase.systemtests.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.securebase.localstack.DemoStory;
import org.securebase.localstack.SecureBaseStack;
import org.securebase.platform.embedded.MailServer;
import org.securebase.systemtests.Browser;
import org.securebase.systemtests.RunningStack;
import org.securebase.systemtests.StackClock;
import org.securebase.systemtests.WrittenTexts;
import org.securebase.systemtests.authorization.ApiService;
import org.securebase.systemtests.authorization.StackAccess;

/**
 * A client invited in Spanish, in Chromium, whose browser asks for English, from the invitation to her first
 * homework without typing an address: the admin chooses Spanish on the invite form; the email is the practice's, in
 * Spanish, as plain text and HTML; Keycloak's pages (choose a password, the page after it, sign-in) are in Spanish, in
 * the portal's look, pass axe and do not scroll sideways at 1280 and 320 px (so does the error page of a used link,
 * opened in a browser that never signed in, in that browser's language); the last page leads into the portal, which
 * is in Spanish because she chose it, whatever the browser says, and her home leads to the homework her therapist
 * assigned meanwhile. The table of Keycloak pages and widths goes to the test's output.
 */
@ExtendWith(RunningStack.class)
class InvitationInSpanishIT {

    private static final String SEED_TITLE = "Attachment and Healing: Why Relationships in Therapy Matter";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int[] WIDTHS = {1280, 320};

    private final List<WebDriver> browsers = new ArrayList<>();
    /** Keycloak page → width → serious or critical axe violations and sideways overflow, for the report. */
    private final Map<String, Map<Integer, String>> pages = new LinkedHashMap<>();
    private SecureBaseStack stack;

    @BeforeEach
    void connect() {
        stack = RunningStack.get();
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
    }

    @Test
    void aClientInvitedInSpanishReadsSpanishFromTheEmailToTheirFirstHomework() {
        StackAccess access = StackAccess.of(stack);
        String run = StackAccess.runMark();
        String email = "lucia.reyes." + run + "@example.org";

        WebDriver admin = browser();
        admin.get(stack.publicUrl() + "/");
        Browser.logIn(admin, "admin@securebase.test", stack.demoPassword());
        WebDriverWait adminWait = new WebDriverWait(admin, WAIT);
        adminWait.until(ExpectedConditions.elementToBeClickable(By.id("invite"))).click();
        adminWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email"))).sendKeys(email);
        admin.findElement(By.id("firstName")).sendKeys("Lucía");
        admin.findElement(By.id("lastName")).sendKeys("Reyes-" + run);
        new Select(admin.findElement(By.id("role"))).selectByValue("client");
        new Select(admin.findElement(By.id("language"))).selectByValue("es");
        admin.findElement(By.id("send-invitation")).click();
        adminWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "invitation was sent"));

        MailServer.ReceivedMail invitation = new FluentWait<>(stack).withTimeout(Duration.ofSeconds(60))
                .pollingEvery(Duration.ofMillis(250))
                .until(running -> running.mail().messagesTo(email).stream().findFirst().orElse(null));
        assertThat(invitation.subject()).isEqualTo("Su invitación a Secure Base");
        assertThat(invitation.plainTextPart())
                .contains("Hola, Lucía:")
                .contains("le ha invitado a Secure Base")
                .contains("Los administradores de la consulta nunca lo ven")
                .contains("El enlace funciona durante")
                .doesNotContain("Your administrator", "Update Your Account");
        assertThat(invitation.htmlPart()).contains("lang=\"es\"").contains("Aceptar la invitación");
        String link = invitation.keycloakActionLink().orElseThrow(() -> new AssertionError("no link in the invitation"));

        WebDriver client = browser();
        WebDriverWait wait = new WebDriverWait(client, WAIT);
        client.get(link);
        wait.until(ExpectedConditions.or(
                ExpectedConditions.presenceOfElementLocated(By.id("password-new")),
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href*='login-actions/action-token']"))));
        List<WebElement> proceed = client.findElements(By.cssSelector("a[href*='login-actions/action-token']"));
        if (!proceed.isEmpty()) {
            check(client, "proceed");
            proceed.get(0).click();
        }
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-new")));
        assertThat(client.findElement(By.id("kc-page-title")).getText()).isEqualTo("Elija su contraseña");
        check(client, "choose-password");
        // The demo password, so the demo story below can sign in as her too.
        String password = access.demoPassword();
        client.findElement(By.id("password-new")).sendKeys(password);
        client.findElement(By.id("password-confirm")).sendKeys(password);
        client.findElement(By.cssSelector("#kc-passwd-update-form [type=submit]")).click();

        WebElement onward = wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Continuar a Secure Base")));
        assertThat(client.findElement(By.tagName("body")).getText()).contains("Su cuenta se ha actualizado.");
        assertThat(onward.getAttribute("href")).isEqualTo(stack.publicUrl() + "/");
        check(client, "account-updated");

        // Meanwhile her therapist assigns the seed article (the demo story, told to her and a therapist of this suite).
        String therapist = "tomas.reyes." + run + "@example.org";
        access.newPerson(therapist, "Tomás", "Reyes-" + run, "therapist");
        WrittenTexts.wrote(DemoStory.clinicalTexts().toArray(String[]::new));
        Clock journalClock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), StackClock.journalNow()));
        DemoStory.Outcome story = DemoStory.tell(access.portal(), password, new DemoStory.Services(
                access.serviceUrl(ApiService.ACCOUNTS), access.serviceUrl(ApiService.CONTENT),
                access.serviceUrl(ApiService.JOURNAL)), new DemoStory.Cast("admin@securebase.test", therapist, email),
                journalClock);
        assertThat(story.told()).isTrue();

        client.findElement(By.linkText("Continuar a Secure Base")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-form-login")));
        check(client, "sign-in");
        Browser.logIn(client, email, password);
        assertThat(lang(client)).as("the portal follows the person's choice, not the browser's en-US").isEqualTo("es");
        assertThat(client.findElement(By.id("greeting")).getText()).startsWith("Hola, Lucía");
        WebElement homework = client.findElement(By.id("due")).findElement(By.linkText(SEED_TITLE));
        assertThat(client.findElement(By.id("due")).getText()).contains("Sus tareas");
        homework.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("homework-form")));
        assertThat(lang(client)).isEqualTo("es");
        assertThat(client.findElement(By.id("homework-form")).getText()).contains("Guardar borrador").contains("respondidas");
        Browser.screenshot(client, "invitation-es-first-homework");

        // The same link again, in a browser that has never signed in: Keycloak's error page. Nobody is known there,
        // so it is in the browser's language; what matters is that lang names it.
        WebDriver again = browser();
        again.get(link);
        new WebDriverWait(again, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-page-title")));
        check(again, "used-link-error");

        StringBuilder table = new StringBuilder("keycloak pages (lang, axe serious/critical, overflow px) by width:\n");
        table.append(String.format("%-18s | %-28s | %-28s%n", "page", "1280 px", "320 px"));
        pages.forEach((page, byWidth) -> table.append(String.format("%-18s | %-28s | %-28s%n",
                page, byWidth.get(1280), byWidth.get(320))));
        System.out.print(table);
        Map<String, Map<Integer, String>> expected = new LinkedHashMap<>();
        pages.keySet().forEach(page -> {
            String result = (page.equals("used-link-error") ? "en" : "es") + ", 0 violations, 0 px";
            expected.put(page, Map.of(1280, result, 320, result));
        });
        assertThat(pages).as(table.toString()).isEqualTo(expected);
        assertThat(again.findElement(By.id("kc-page-title")).getText()).as("the error page's text is in English")
                .isNotBlank().doesNotContain("Lo sentimos");
    }

    /** axe and sideways overflow of the current Keycloak page at each width; the result goes in the table. */
    private void check(WebDriver browser, String page) {
        Map<Integer, String> byWidth = pages.computeIfAbsent(page, p -> new LinkedHashMap<>());
        for (int width : WIDTHS) {
            browser.manage().window().setSize(new Dimension(width, 900));
            List<String> serious = Browser.seriousViolations(browser, "keycloak-es-" + page + "-" + width);
            long overflow = Browser.sidewaysOverflow(browser);
            String result = lang(browser) + ", " + serious.size() + " violations, " + overflow + " px";
            byWidth.put(width, result);
            if (!serious.isEmpty()) {
                System.out.println(page + " at " + width + " px: " + serious);
            }
        }
        browser.manage().window().setSize(new Dimension(WIDTHS[0], 900));
    }

    private static String lang(WebDriver browser) {
        return browser.findElement(By.tagName("html")).getAttribute("lang");
    }

    private WebDriver browser() {
        WebDriver browser = Browser.open();
        browsers.add(browser);
        return browser;
    }
}
