package org.securebase.systemtests.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.securebase.localstack.SecureBaseStack;
import org.securebase.platform.embedded.MailServer;
import org.securebase.platform.embedded.keycloak.OidcBrowserlessLogin;
import org.securebase.platform.embedded.keycloak.OidcBrowserlessLogin.LoginResult;
import org.securebase.platform.embedded.keycloak.OidcBrowserlessLogin.Step;
import org.securebase.systemtests.Browser;
import org.securebase.systemtests.RunningStack;
import org.securebase.systemtests.authorization.StackAccess;

/**
 * "Forgot password" on the running platform, in Chromium, with the mail Keycloak really sends. Someone who reads a
 * therapist's mailbox (or the mail on its way) gets the reset link, but the link leads to the TOTP prompt of the
 * authenticator the therapist already has: never to a new password, a new authenticator, a portal page or a token.
 * The therapist, phone in hand, does get a new password; a client, who has no second factor to keep, recovers with
 * the mailbox alone.
 */
@ExtendWith(RunningStack.class)
class PasswordResetIT {

    private static final String FIRST_PASSWORD = "First-chosen-password-2026";
    private static final String NEW_PASSWORD = "Second-chosen-password-2026";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final List<WebDriver> browsers = new ArrayList<>();
    private SecureBaseStack stack;
    private StackAccess access;

    @BeforeEach
    void connect() {
        stack = RunningStack.get();
        access = StackAccess.of(stack);
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
    }

    @Test
    void aTherapistsMailboxAloneNeverSignsAnyoneIn() {
        String run = StackAccess.runMark();
        String email = "rhea.reset." + run + "@example.org";
        // A therapist invited as any other: a password, then TOTP enrolled at the first sign-in.
        access.keycloakAdmin().createUser(email, "Rhea", "Reset-" + run, FIRST_PASSWORD, "therapist");
        LoginResult firstSignIn = access.portal().attempt(email, FIRST_PASSWORD, null, true);
        assertThat(firstSignIn.step()).as(firstSignIn.message()).isEqualTo(Step.TOKENS);
        String totpSecret = firstSignIn.enrolledTotpSecret();
        assertThat(totpSecret).as("a therapist enrols TOTP at the first sign-in").isNotNull();
        long enrolledStep = Instant.now().getEpochSecond() / 30;

        // The attacker asks for a reset and follows the link from the therapist's mail.
        WebDriver attacker = browser();
        requestReset(attacker, email);
        attacker.get(resetLink(email, 1));
        WebDriverWait wait = new WebDriverWait(attacker, WAIT);
        proceedIfAsked(attacker);
        assertNothingGranted(attacker, "after the emailed link");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("otp")));
        assertNothingGranted(attacker, "after the emailed link");

        // A guessed code is refused, and the page still asks for the code.
        org.openqa.selenium.WebElement prompt = attacker.findElement(By.id("otp"));
        prompt.sendKeys(wrongCode(totpSecret));
        attacker.findElement(By.id("kc-login")).click();
        wait.until(Browser.leftThePage(prompt));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("otp")));
        assertThat(attacker.findElement(By.tagName("body")).getText()).containsIgnoringCase("invalid authenticator code");
        assertNothingGranted(attacker, "after a wrong code");

        // Nor does the portal let the attacker in beside the reset: it sends them to the sign-in form.
        attacker.get(stack.publicUrl() + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-form-login")));
        assertThat(attacker.findElements(By.id("greeting"))).isEmpty();
        assertThat(access.portal().attempt(email, FIRST_PASSWORD, null, false).step())
                .as("the password the attacker does not know still stands, TOTP still asked")
                .isEqualTo(Step.OTP_REQUIRED);

        // The therapist, with the phone, resets for real: the code, then the new password, then the portal.
        WebDriver therapist = browser();
        requestReset(therapist, email);
        therapist.get(resetLink(email, 2));
        proceedIfAsked(therapist);
        WebDriverWait therapistWait = new WebDriverWait(therapist, WAIT);
        long step = Math.max(Instant.now().getEpochSecond() / 30, enrolledStep + 1);
        therapistWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("otp")))
                .sendKeys(OidcBrowserlessLogin.totp(totpSecret, Instant.ofEpochSecond(step * 30)));
        therapist.findElement(By.id("kc-login")).click();
        therapistWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-new"))).sendKeys(NEW_PASSWORD);
        therapist.findElement(By.id("password-confirm")).sendKeys(NEW_PASSWORD);
        assertThat(therapist.findElements(By.id("kc-totp-settings-form"))).as("no new authenticator offered").isEmpty();
        therapist.findElement(By.cssSelector("#kc-passwd-update-form [type=submit]")).click();
        therapistWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("greeting")));
        assertThat(access.portal().attempt(email, FIRST_PASSWORD, null, false).step())
                .as("the old password is gone").isEqualTo(Step.INVALID_CREDENTIALS);
    }

    @Test
    void aClientRecoversWithTheMailboxAlone() {
        String run = StackAccess.runMark();
        String email = "cora.recover." + run + "@example.org";
        access.keycloakAdmin().createUser(email, "Cora", "Recover-" + run, FIRST_PASSWORD, "client");

        WebDriver client = browser();
        requestReset(client, email);
        client.get(resetLink(email, 1));
        proceedIfAsked(client);
        WebDriverWait wait = new WebDriverWait(client, WAIT);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-new"))).sendKeys(NEW_PASSWORD);
        client.findElement(By.id("password-confirm")).sendKeys(NEW_PASSWORD);
        client.findElement(By.cssSelector("#kc-passwd-update-form [type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("greeting")));
        assertThat(access.portal().attempt(email, NEW_PASSWORD, null, false).step()).isEqualTo(Step.TOKENS);
    }

    private WebDriver browser() {
        WebDriver browser = Browser.open();
        browsers.add(browser);
        return browser;
    }

    /** From the portal's sign-in page: "Forgot password?", the address, submit. */
    private void requestReset(WebDriver browser, String email) {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        browser.get(stack.publicUrl() + "/");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[href*='login-actions/reset-credentials']"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(email);
        browser.findElement(By.cssSelector("#kc-reset-password-form [type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-form-login")));
    }

    /** The action link of the nth mail to this address (Keycloak's reset mail), once it has arrived. */
    private String resetLink(String email, int nth) {
        List<MailServer.ReceivedMail> mails = new FluentWait<>(stack).withTimeout(Duration.ofSeconds(60))
                .pollingEvery(Duration.ofMillis(250))
                .until(running -> {
                    List<MailServer.ReceivedMail> received = running.mail().messagesTo(email);
                    return received.size() >= nth ? received : null;
                });
        return mails.get(nth - 1).keycloakActionLink()
                .orElseThrow(() -> new AssertionError("no action link in the reset mail to " + email));
    }

    /** Keycloak asks "click here to proceed" when the link is opened outside the browser that asked for it. */
    private static void proceedIfAsked(WebDriver browser) {
        try {
            new WebDriverWait(browser, WAIT).until(ExpectedConditions.or(
                    ExpectedConditions.presenceOfElementLocated(By.id("otp")),
                    ExpectedConditions.presenceOfElementLocated(By.id("password-new")),
                    ExpectedConditions.presenceOfElementLocated(By.id("kc-totp-settings-form")),
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href*='login-actions/action-token']"))));
        } catch (org.openqa.selenium.TimeoutException unexpected) {
            Browser.screenshot(browser, "password-reset-unexpected");
            throw new AssertionError("the reset link led to neither the TOTP prompt nor a new password: "
                    + browser.getTitle() + " " + browser.findElement(By.tagName("body")).getText(), unexpected);
        }
        List<org.openqa.selenium.WebElement> proceed = browser.findElements(By.cssSelector("a[href*='login-actions/action-token']"));
        if (!proceed.isEmpty()) {
            proceed.get(0).click();
        }
    }

    private void assertNothingGranted(WebDriver attacker, String when) {
        assertThat(attacker.findElements(By.id("password-new"))).as("no new password " + when).isEmpty();
        assertThat(attacker.findElements(By.id("kc-totp-settings-form"))).as("no new authenticator " + when).isEmpty();
        assertThat(attacker.findElements(By.id("greeting"))).as("no portal page " + when).isEmpty();
        assertThat(attacker.getCurrentUrl()).as("never sent back to the portal with a code " + when)
                .doesNotStartWith(stack.publicUrl() + "/login/oauth2/code");
    }

    /** Six digits that are none of the codes Keycloak would accept now. */
    private static String wrongCode(String secret) {
        long now = Instant.now().getEpochSecond() / 30;
        Set<String> valid = Set.of(
                OidcBrowserlessLogin.totp(secret, Instant.ofEpochSecond((now - 1) * 30)),
                OidcBrowserlessLogin.totp(secret, Instant.ofEpochSecond(now * 30)),
                OidcBrowserlessLogin.totp(secret, Instant.ofEpochSecond((now + 1) * 30)),
                OidcBrowserlessLogin.totp(secret, Instant.ofEpochSecond((now + 2) * 30)));
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate * 7919 % 1_000_000);
            if (!valid.contains(code)) {
                return code;
            }
        }
    }
}
