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
import org.securebase.platform.embedded.keycloak.OidcBrowserlessLogin;
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
 * assigned meanwhile. A therapist invited in Spanish also sets up their authenticator and signs in with its code, on
 * Spanish pages that pass the same checks. The table of Keycloak pages and widths goes to the test's output.
 */
@ExtendWith(RunningStack.class)
class InvitationInSpanishIT {

    private static final String THERAPIST_PASSWORD = "Elegida-por-la-terapeuta-2026";
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

        MailServer.ReceivedMail invitation = inviteInSpanish(email, "Lucía", "Reyes-" + run, "client");
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
        openInvitation(client, link);
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

        System.out.print(table());
        Map<String, Map<Integer, String>> expected = new LinkedHashMap<>();
        pages.keySet().forEach(page -> {
            String result = (page.equals("used-link-error") ? "en" : "es") + ", 0 violations, 0 px";
            expected.put(page, Map.of(1280, result, 320, result));
        });
        assertThat(pages).as(table()).isEqualTo(expected);
        assertThat(again.findElement(By.id("kc-page-title")).getText()).as("the error page's text is in English")
                .isNotBlank().doesNotContain("Lo sentimos");
    }

    @Test
    void aTherapistInvitedInSpanishSetsUpTheirAuthenticatorInSpanish() {
        String run = StackAccess.runMark();
        String email = "marta.vega." + run + "@example.org";
        MailServer.ReceivedMail invitation = inviteInSpanish(email, "Marta", "Vega-" + run, "therapist");
        assertThat(invitation.plainTextPart()).contains("Hola, Marta:").contains("aplicación de autenticación");

        WebDriver therapist = browser();
        WebDriverWait wait = new WebDriverWait(therapist, WAIT);
        openInvitation(therapist, invitation.keycloakActionLink().orElseThrow());
        // A password, and a second factor (part of every staff sign-in) read as someone typing the key into an
        // authenticator app would; in whichever order Keycloak asks, each page in Spanish.
        String secret = null;
        Instant enrolled = null;
        for (int step = 0; step < 4 && therapist.findElements(By.linkText("Continuar a Secure Base")).isEmpty(); step++) {
            wait.until(ExpectedConditions.or(
                    ExpectedConditions.presenceOfElementLocated(By.id("password-new")),
                    ExpectedConditions.presenceOfElementLocated(By.id("kc-totp-settings-form")),
                    ExpectedConditions.presenceOfElementLocated(By.linkText("Continuar a Secure Base"))));
            WebElement page = therapist.findElement(By.tagName("body"));
            if (!therapist.findElements(By.id("password-new")).isEmpty()) {
                therapist.findElement(By.id("password-new")).sendKeys(THERAPIST_PASSWORD);
                therapist.findElement(By.id("password-confirm")).sendKeys(THERAPIST_PASSWORD);
                therapist.findElement(By.cssSelector("#kc-passwd-update-form [type=submit]")).click();
            } else if (!therapist.findElements(By.id("kc-totp-settings-form")).isEmpty()) {
                assertThat(therapist.findElement(By.id("kc-page-title")).getText())
                        .isEqualTo("Configure su aplicación de autenticación");
                check(therapist, "authenticator-setup");
                secret = therapist.findElement(By.name("totpSecret")).getDomProperty("value");
                enrolled = Instant.now();
                therapist.findElement(By.id("totp")).sendKeys(OidcBrowserlessLogin.totp(secret, enrolled));
                therapist.findElement(By.id("userLabel")).sendKeys("Teléfono");
                therapist.findElement(By.cssSelector("#kc-totp-settings-form [type=submit]")).click();
            } else {
                break;
            }
            wait.until(Browser.leftThePage(page));
        }
        assertThat(secret).as("a therapist sets up an authenticator when accepting the invitation").isNotNull();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Continuar a Secure Base"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-form-login")));
        therapist.findElement(By.id("username")).sendKeys(email);
        therapist.findElement(By.id("password")).sendKeys(THERAPIST_PASSWORD);
        therapist.findElement(By.id("kc-login")).click();
        WebElement code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("otp")));
        check(therapist, "one-time-code");
        // Keycloak refuses a code twice: a later 30-second step than the one that enrolled it (its window allows one ahead).
        long step = Math.max(Instant.now().getEpochSecond() / 30, enrolled.getEpochSecond() / 30 + 1);
        therapist.findElement(By.id("otp")).sendKeys(OidcBrowserlessLogin.totp(secret, Instant.ofEpochSecond(step * 30)));
        therapist.findElement(By.id("kc-login")).click();
        wait.until(Browser.leftThePage(code));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("greeting")));
        assertThat(lang(therapist)).isEqualTo("es");
        assertThat(therapist.findElement(By.id("greeting")).getText()).startsWith("Hola, Marta");

        System.out.print(table());
        assertThat(pages).as(table()).allSatisfy((page, byWidth) -> assertThat(byWidth)
                .containsOnly(Map.entry(1280, "es, 0 violations, 0 px"), Map.entry(320, "es, 0 violations, 0 px")));
    }

    /** The admin invites someone in Spanish through the portal; answers the invitation once it has arrived. */
    private MailServer.ReceivedMail inviteInSpanish(String email, String firstName, String lastName, String role) {
        WebDriver admin = browser();
        admin.get(stack.publicUrl() + "/");
        Browser.logIn(admin, "admin@securebase.test", stack.demoPassword());
        WebDriverWait adminWait = new WebDriverWait(admin, WAIT);
        adminWait.until(ExpectedConditions.elementToBeClickable(By.id("invite"))).click();
        adminWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email"))).sendKeys(email);
        admin.findElement(By.id("firstName")).sendKeys(firstName);
        admin.findElement(By.id("lastName")).sendKeys(lastName);
        new Select(admin.findElement(By.id("role"))).selectByValue(role);
        new Select(admin.findElement(By.id("language"))).selectByValue("es");
        admin.findElement(By.id("send-invitation")).click();
        adminWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "invitation was sent"));
        return new FluentWait<>(stack).withTimeout(Duration.ofSeconds(60))
                .pollingEvery(Duration.ofMillis(250))
                .until(running -> running.mail().messagesTo(email).stream().findFirst().orElse(null));
    }

    /** Opens the invitation's link; past Keycloak's "click here to proceed" when it asks (checked as a page too). */
    private void openInvitation(WebDriver browser, String link) {
        browser.get(link);
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.or(
                ExpectedConditions.presenceOfElementLocated(By.id("password-new")),
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href*='login-actions/action-token']"))));
        List<WebElement> proceed = browser.findElements(By.cssSelector("a[href*='login-actions/action-token']"));
        if (!proceed.isEmpty()) {
            check(browser, "proceed");
            proceed.get(0).click();
        }
    }

    private String table() {
        StringBuilder table = new StringBuilder("keycloak pages (lang, axe serious/critical, overflow px) by width:\n");
        table.append(String.format("%-20s | %-28s | %-28s%n", "page", "1280 px", "320 px"));
        pages.forEach((page, byWidth) -> table.append(String.format("%-20s | %-28s | %-28s%n",
                page, byWidth.get(1280), byWidth.get(320))));
        return table.toString();
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
