package org.securebase.systemtests.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
import org.securebase.systemtests.Browser;
import org.securebase.systemtests.RunningStack;
import org.securebase.systemtests.SignedInBrowsers;
import org.securebase.systemtests.WrittenTexts;
import org.securebase.systemtests.authorization.ApiService;
import org.securebase.systemtests.authorization.Http;
import org.securebase.systemtests.authorization.StackAccess;

import tools.jackson.databind.JsonNode;

/**
 * "Download my record" on the whole stack, through the browser. A client made for this run has handed-in homework with
 * feedback and a reply, a shared and a private journal entry. In the portal the client asks for a copy, watches it
 * being prepared and downloads it through the gateway: record.json validates against the schema in the archive, the
 * PDF's text holds the client's own answer and private entry, and the download is in their "Who has seen my data".
 * The therapist exports the client's record from the review agenda: the copy holds the shared entry and not the private
 * one, and the client's audit names the therapist. The admin's request for the same record is refused with a 404.
 */
@ExtendWith(RunningStack.class)
class RecordDownloadIT {

    private static final String ANSWER = "At dinner I said what I felt, and my sister listened: relación.";
    private static final String REPLY = "It felt strange, and good.";
    private static final String SHARED = "Told my therapist about the call with my sister.";
    private static final String PRIVATE = "Nobody else reads this: I was scared.";

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
    void aClientDownloadsTheirRecordTheTherapistExportsItAndTheAdminGetsNone() throws IOException {
        String run = StackAccess.runMark();
        WrittenTexts.wrote(ANSWER, REPLY, SHARED, PRIVATE);
        String therapistEmail = "rhea.record." + run + "@example.org";
        String clientEmail = "cole.copy." + run + "@example.org";
        UUID therapistId = access.newPerson(therapistEmail, "Rhea", "Record" + run, "therapist");
        UUID clientId = access.newPerson(clientEmail, "Cole", "Copy" + run, "client");
        access.putOnCaseload(clientId, therapistId);
        String therapistToken = token(therapistEmail);
        String clientToken = token(clientEmail);
        handedInHomework(therapistToken, clientToken, clientId);
        entry(clientToken, "Sunday", SHARED, true);
        entry(clientToken, "Only mine", PRIVATE, false);

        // The client asks for a copy in the portal; record.js reloads the page once it is ready.
        WebDriver client = browsers.signIn(stack, clientEmail);
        WebDriverWait clientWait = new WebDriverWait(client, Duration.ofSeconds(90));
        client.get(stack.publicUrl() + "/audit");
        clientWait.until(ExpectedConditions.elementToBeClickable(By.id("record-link"))).click();
        clientWait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#record-request button"))).click();
        assertThat(clientWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice"))).getText())
                .isEqualTo("Your copy is being prepared. It appears below when it is ready.");
        WebElement link = clientWait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a.record-download")));
        assertThat(Browser.accessibilityViolations(client, "record")).as("accessibility violations on the record page")
                .isEmpty();
        Map<String, byte[]> files = unzip(downloadWithTheSessionOf(client, link.getDomAttribute("href")));
        assertThat(files).containsOnlyKeys("record.json", "record.schema.json", "record.html", "record.pdf");

        JsonNode record = Http.JSON.readTree(files.get("record.json"));
        List<String> problems = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(new ByteArrayInputStream(files.get("record.schema.json")))
                .validate(record, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)))
                .stream().map(Object::toString).toList();
        assertThat(problems).as("record.json against record.schema.json").isEmpty();
        assertThat(record.at("/client/id").asString()).isEqualTo(clientId.toString());
        assertThat(record.at("/assignments/0/prompts/0/answer/text").asString()).isEqualTo(ANSWER);
        assertThat(record.at("/assignments/0/feedback/0/replies/0/body").asString()).isEqualTo(REPLY);
        assertThat(bodies(record.get("journalEntries"))).containsExactlyInAnyOrder(SHARED, PRIVATE);
        String pdf = squeezed(pdfText(files.get("record.pdf")));
        assertThat(pdf).contains(squeezed(ANSWER), squeezed(PRIVATE), "Cole Copy" + run);

        client.get(stack.publicUrl() + "/audit");
        assertThat(auditRows(client)).anyMatch(row -> row.contains("A copy of the whole record, downloaded")
                && row.contains("Cole Copy" + run));

        // The therapist exports the record from the client's review agenda.
        WebDriver therapist = browsers.signIn(stack, therapistEmail);
        WebDriverWait therapistWait = new WebDriverWait(therapist, Duration.ofSeconds(90));
        therapist.get(stack.publicUrl() + "/clients/" + clientId + "/agenda");
        therapistWait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#record-request button"))).click();
        WebElement theirs = therapistWait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("a.record-download")));
        assertThat(therapist.findElement(By.id("record-exports")).getText()).contains("Cole Copy" + run);
        JsonNode holdings = Http.JSON.readTree(unzip(downloadWithTheSessionOf(therapist, theirs.getDomAttribute("href")))
                .get("record.json"));
        assertThat(holdings.get("scope").asString()).isEqualTo("THERAPIST_HOLDINGS");
        assertThat(bodies(holdings.get("journalEntries"))).containsExactly(SHARED);
        assertThat(holdings.toString()).doesNotContain(PRIVATE);

        client.navigate().refresh();
        assertThat(auditRows(client)).anyMatch(row -> row.contains("A copy of the whole record, downloaded")
                && row.contains("Rhea Record" + run));

        // The admin may not copy anyone's record, through the public door as anywhere.
        String admin = token("admin@securebase.test");
        Http.Response refused = http.send("POST", stack.publicUrl() + "/api/journal/record-exports", admin,
                Map.of("clientId", clientId.toString()), Map.of());
        assertThat(refused.status()).as(refused.body()).isEqualTo(404);
        assertThat(refused.isProblemJson()).isTrue();
    }

    private String token(String email) {
        return access.portal().login(email, stack.demoPassword()).accessToken();
    }

    private void handedInHomework(String therapist, String client, UUID clientId) {
        String journal = access.serviceUrl(ApiService.JOURNAL);
        String article = http.get(access.serviceUrl(ApiService.CONTENT) + "/api/content/articles/attachment-and-healing",
                therapist).expect(200).json().path("id").asString();
        Http.Response created = Http.awaitStatus("journal-service knowing the caseload", 201, Duration.ofSeconds(60),
                () -> http.send("POST", journal + "/api/journal/assignments", therapist, Map.of(
                        "clientId", clientId.toString(), "articleId", article,
                        "prompts", List.of(Map.of("kind", "TEXT", "question", "What did you say, and to whom?")),
                        "dueAt", java.time.Instant.now().plus(Duration.ofDays(3)).toString()), Map.of()));
        String id = created.json().path("id").asString();
        String prompt = http.get(journal + "/api/journal/assignments/" + id, client).expect(200).json()
                .path("prompts").path(0).path("id").asString();
        String answer = http.send("PUT", journal + "/api/journal/assignments/" + id + "/answers/" + prompt, client,
                Map.of("text", ANSWER), Map.of()).expect(200).json().path("id").asString();
        http.send("POST", journal + "/api/journal/assignments/" + id + "/submit", client, null, Map.of()).expect(200);
        String feedback = http.send("POST", journal + "/api/journal/assignments/" + id + "/answers/" + answer + "/feedback",
                therapist, Map.of("body", "That took courage."), Map.of()).expect(201).json().path("id").asString();
        http.send("POST", journal + "/api/journal/assignments/" + id + "/feedback/" + feedback + "/replies", client,
                Map.of("body", REPLY), Map.of()).expect(201);
    }

    private void entry(String client, String title, String body, boolean shared) {
        String journal = access.serviceUrl(ApiService.JOURNAL);
        String id = http.send("POST", journal + "/api/journal/entries", client,
                Map.of("title", title, "body", body, "mood", 3), Map.of()).expect(201).json().path("id").asString();
        if (shared) {
            http.send("POST", journal + "/api/journal/entries/" + id + "/share", client, null, Map.of()).expect(200);
        }
    }


    /** The link the page offers, fetched with the browser's session cookies: the bytes a person would save. */
    private byte[] downloadWithTheSessionOf(WebDriver browser, String href) {
        String cookies = browser.manage().getCookies().stream().map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
        URI uri = URI.create(stack.publicUrl()).resolve(href);
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(60)).header("Cookie", cookies).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(uri.toString()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> auditRows(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("reads")))
                .findElements(By.cssSelector("tbody tr")).stream().map(WebElement::getText).toList();
    }

    private static Map<String, byte[]> unzip(byte[] archive) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        }
        return files;
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String squeezed(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static List<String> bodies(JsonNode entries) {
        return StreamSupport.stream(entries.spliterator(), false).map(entry -> entry.path("body").asString()).toList();
    }
}
