package org.securebase.systemtests.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.securebase.localstack.SecureBaseStack;
import org.securebase.systemtests.Browser;
import org.securebase.systemtests.RunningStack;
import org.securebase.systemtests.ServiceDatabase;
import org.securebase.systemtests.SignedInBrowsers;
import org.securebase.systemtests.authorization.ApiService;
import org.securebase.systemtests.authorization.Http;
import org.securebase.systemtests.authorization.StackAccess;

/**
 * Closing an account through the portal. A client on a therapist's caseload asks on their record page (and once
 * withdraws the request, then asks again); the admin sees
 * the request waiting under Data rights, places a legal hold and closes the account there. The client's open portal
 * page then leads to a login they cannot pass, the therapist no longer has them on the caseload, and the request is
 * recorded as done with the record kept for the retention period and held. Erasure is refused while the hold is in
 * force; after it is lifted and the period is over, the admin erases the person: journal-service destroys their key,
 * the Keycloak user is gone, and no database of the stack holds their name or email any more.
 */
@ExtendWith(RunningStack.class)
class AccountClosureIT {

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
    void aClientAsksTheAdminHoldsAndClosesAndTheClientIsSignedOutAndOffTheCaseload() {
        String run = StackAccess.runMark();
        String therapistEmail = "theo.closing." + run + "@example.org";
        String clientEmail = "cleo.closing." + run + "@example.org";
        UUID therapistId = access.newPerson(therapistEmail, "Theo", "Therapist" + run, "therapist");
        UUID clientId = access.newPerson(clientEmail, "Cleo", "Closing" + run, "client");
        access.putOnCaseload(clientId, therapistId);
        String therapistToken = access.portal().login(therapistEmail, stack.demoPassword()).accessToken();
        assertThat(caseload(therapistToken)).contains(clientId.toString());
        String clientToken = access.portal().login(clientEmail, stack.demoPassword()).accessToken();
        http.send("POST", access.serviceUrl(ApiService.JOURNAL) + "/api/journal/entries", clientToken,
                Map.of("title", "Before closing", "body", "What I want forgotten."), Map.of()).expect(201);

        WebDriver client = browsers.signIn(stack, clientEmail);
        WebDriverWait clientWait = new WebDriverWait(client, Duration.ofSeconds(60));
        client.get(stack.publicUrl() + "/record");
        clientWait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#closure-request button")));
        assertThat(Browser.accessibilityViolations(client, "record-closure")).as("accessibility violations").isEmpty();
        client.findElement(By.id("closure-confirmed")).click();
        client.findElement(By.cssSelector("#closure-request button")).click();
        clientWait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#closure-withdrawal button"))).click();
        assertThat(clientWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice"))).getText())
                .as("a client may change their mind while the request waits")
                .isEqualTo("Your request is withdrawn. Your account stays open.");
        client.findElement(By.id("closure-confirmed")).click();
        client.findElement(By.cssSelector("#closure-request button")).click();
        assertThat(clientWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("closure-waiting"))).getText())
                .startsWith("You asked to close your account on");

        WebDriver admin = browsers.signIn(stack, "admin@securebase.test");
        WebDriverWait adminWait = new WebDriverWait(admin, Duration.ofSeconds(60));
        admin.get(stack.publicUrl() + "/rights");
        String row = adminWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rights-requests"))).getText();
        assertThat(row).contains("Cleo Closing" + run).contains("Waiting for an admin");
        assertThat(Browser.accessibilityViolations(admin, "rights")).as("accessibility violations").isEmpty();
        admin.findElement(By.linkText("Cleo Closing" + run)).click();
        adminWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("hold-reason"))).sendKeys("Case 2026-CV-14");
        admin.findElement(By.cssSelector("#hold-form button")).click();
        assertThat(adminWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice"))).getText())
                .isEqualTo("The legal hold is placed.");
        admin.findElement(By.id("closure-confirmed")).click();
        admin.findElement(By.cssSelector("#closure-form button")).click();
        assertThat(adminWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice"))).getText())
                .isEqualTo("The account is closed.");
        assertThat(admin.findElement(By.id("retention-closed")).getText()).contains("(7 years from the closure)");
        assertThat(admin.findElement(By.id("retention")).getText()).contains("A legal hold is in force");
        assertThat(Browser.accessibilityViolations(admin, "rights-client")).as("accessibility violations").isEmpty();

        client.navigate().refresh();
        clientWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-form-login")));
        assertThat(access.portal().attempt(clientEmail, stack.demoPassword(), null, false).succeeded())
                .as("no new login after the closure").isFalse();
        await("the therapist's caseload without the closed client").atMost(Duration.ofSeconds(60))
                .until(() -> !caseload(therapistToken).contains(clientId.toString()));

        admin.get(stack.publicUrl() + "/rights");
        String done = adminWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rights-requests"))).getText();
        assertThat(done).contains("Case 2026-CV-14").contains("In force").contains("Withdrawn by the client");
        String adminToken = access.portal().login("admin@securebase.test", stack.demoPassword()).accessToken();
        Http.Response retention = http.get(access.serviceUrl(ApiService.ACCOUNTS) + "/api/accounts/" + clientId
                + "/retention", adminToken);
        assertThat(retention.status()).isEqualTo(200);
        assertThat(retention.json().path("onHold").asBoolean()).isTrue();
        assertThat(retention.json().path("erasable").asBoolean()).isFalse();

        // Erasure: refused while the hold is in force; once the hold is lifted and the retention period is over (the
        // closure moved into the past by the fixture), the admin erases the person on the same page.
        Http.Response onHold = http.send("POST", access.serviceUrl(ApiService.ACCOUNTS) + "/api/accounts/" + clientId
                + "/erasure", adminToken, null, Map.of());
        assertThat(onHold.status()).as("erasing a person on hold").isEqualTo(409);
        assertThat(onHold.isProblemJson()).isTrue();
        String holdId = retention.json().path("holds").get(0).path("id").asString();
        http.send("POST", access.serviceUrl(ApiService.ACCOUNTS) + "/api/accounts/" + clientId + "/legal-holds/" + holdId
                + "/lifting", adminToken, null, Map.of()).expect(200);
        access.closedLongAgo(clientId);
        admin.get(stack.publicUrl() + "/rights/" + clientId);
        adminWait.until(ExpectedConditions.elementToBeClickable(By.id("erasure-confirmed"))).click();
        admin.findElement(By.cssSelector("#erasure-form button")).click();
        assertThat(adminWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice"))).getText())
                .isEqualTo("The person is erased.");
        assertThat(admin.findElement(By.id("erased")).getText()).startsWith("Erased on");
        assertThat(Browser.accessibilityViolations(admin, "rights-erased")).as("accessibility violations").isEmpty();

        ServiceDatabase vault = ServiceDatabase.of(stack.database("journal_keys"));
        await("journal-service destroys the client's key").atMost(Duration.ofSeconds(60)).until(() ->
                vault.count("select count(*) from erased_client where client_id = ?", clientId) == 1);
        assertThat(vault.count("select count(*) from client_keyset where client_id = ?", clientId)).isZero();
        assertThat(ServiceDatabase.of(stack.database("journal"))
                .count("select count(*) from journal_entry where client_id = ?", clientId))
                .as("the ciphertext is still there, with no key left to open it").isEqualTo(1);
        await("every projection forgets the person").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(PersonalDataScan.find(stack, clientEmail, "Closing" + run)).isEmpty());
        assertThat(access.keycloakAdmin().findUserIdByEmail(clientEmail)).as("the Keycloak user").isEmpty();
        Http.Response refused = http.send("POST", stack.publicUrl() + "/api/accounts/" + therapistId + "/legal-holds",
                adminToken, Map.of("reason", "Case 1"), Map.of());
        assertThat(refused.status()).as("a hold on a therapist's account").isEqualTo(404);
        assertThat(refused.isProblemJson()).isTrue();
    }

    private String caseload(String therapistToken) {
        return http.get(access.serviceUrl(ApiService.ACCOUNTS) + "/api/accounts/caseload", therapistToken).expect(200)
                .body();
    }

}
