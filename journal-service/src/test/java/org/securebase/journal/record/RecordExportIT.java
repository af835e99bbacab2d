package org.securebase.journal.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.journal.JournalServiceIntegrationTest;
import org.securebase.journal.support.Api;
import org.securebase.journal.support.MeasureFixtures;
import org.securebase.journal.support.MovableClock;
import org.securebase.journal.support.People;
import org.securebase.journal.support.Projections;
import org.securebase.journal.support.Projections.ArticleList;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * A copy of a record, on its own database: the client's whole record (homework with answers, plan, feedback and reply,
 * a shared and a private journal entry, a PHQ-9, who read it) as JSON valid against its schema, HTML and a PDF whose
 * text holds the client's own words; the therapist's copy of what they hold; admins and other people refused with 404;
 * each download in the client's audit; a link that expires. The archive is stored only as ciphertext.
 */
@JournalServiceIntegrationTest
@Import(MovableClock.class)
@TestPropertySource(properties = {
        "securebase.test.database=journal_records",
        "securebase.events.consumer.group-prefix=journal-service-records",
        // The test moves the clock past a link's lifetime; see AgendaIT for why the caseload bound is widened.
        "securebase.journal.caseload.max-lag=P60D",
        "securebase.journal.record.sweep-interval=PT1S"
})
@DirtiesContext
class RecordExportIT {

    /** Markup in an answer stays text; Greek and Spanish print as written (the PDF embeds its font). */
    private static final String ANSWER = "I noticed <b>quiet</b> at dinner & said so: καλημέρα, relación.";
    private static final String PLAN = "Tuesday after dinner, at the kitchen table";
    private static final String FEEDBACK = "Thank you for noticing that.";
    private static final String REPLY = "It happened again on Sunday.";
    private static final String SHARED_ENTRY = "Called my sister instead of waiting it out.";
    private static final String PRIVATE_ENTRY = "Only for me: I was afraid to say it.";
    private static final String RECORDS = "/api/journal/record-exports";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    MovableClock clock;

    Api api;
    Projections projections;
    UUID article;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        projections = new Projections(jdbc, listeners);
        projections.standardCaseloads();
        projections.heartbeatsUntil(Instant.now());
        article = projections.publishArticle("Attachment and Healing",
                new ArticleList("what-helps", List.of("item-1", "item-2", "item-3")));
    }

    @Test
    void theClientDownloadsTheirWholeRecordAsValidJsonHtmlAndAPdfWithTheirOwnWords() throws IOException {
        String homework = handedInHomeworkWithFeedbackAndReply();
        entry("Sunday", SHARED_ENTRY, true);
        entry("Private", PRIVATE_ENTRY, false);
        MeasureFixtures.submittedPhq9(api);
        // The therapist reads the homework: the copy lists that read.
        assertThat(api.get("/api/journal/assignments/" + homework, People.THERAPIST.token()).status()).isEqualTo(200);

        JsonNode ready = readyCopy(People.CLIENT, Map.of());
        assertThat(ready.get("clientId").asString()).isEqualTo(People.CLIENT.id().toString());
        assertThat(ready.get("itemsDone").asInt()).isEqualTo(ready.get("itemsTotal").asInt()).isPositive();
        Map<String, byte[]> files = unzip(download(People.CLIENT, ready.get("id").asString()));
        assertThat(files).containsOnlyKeys("record.json", "record.schema.json", "record.html", "record.pdf");

        JsonNode record = Api.JSON.readTree(files.get("record.json"));
        assertThat(validate(files.get("record.schema.json"), record)).isEmpty();
        assertThat(record.get("scope").asString()).isEqualTo("WHOLE_RECORD");
        JsonNode assignment = only(record.get("assignments"), homework);
        assertThat(assignment.at("/prompts/0/answer/text").asString()).isEqualTo(ANSWER);
        assertThat(assignment.at("/prompts/1/answer/value").asInt()).isEqualTo(7);
        assertThat(assignment.at("/plan/whenWhere").asString()).isEqualTo(PLAN);
        assertThat(assignment.at("/feedback/0/body").asString()).isEqualTo(FEEDBACK);
        assertThat(assignment.at("/feedback/0/replies/0/body").asString()).isEqualTo(REPLY);
        assertThat(assignment.at("/article/version").asInt()).isEqualTo(1);
        assertThat(texts(record.get("journalEntries"), "body")).contains(SHARED_ENTRY, PRIVATE_ENTRY);
        JsonNode phq9 = record.get("questionnaires").get(0);
        assertThat(phq9.get("total").asInt()).isEqualTo(12);
        assertThat(phq9.at("/fhirQuestionnaireResponse/resourceType").asString()).isEqualTo("QuestionnaireResponse");
        assertThat(StreamSupport.stream(record.get("accessLog").spliterator(), false)
                .anyMatch(read -> read.at("/actor/id").asString().equals(People.THERAPIST.id().toString())
                        && read.get("resourceType").asString().equals("ASSIGNMENT"))).isTrue();

        String html = new String(files.get("record.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("&lt;b&gt;quiet&lt;/b&gt;").doesNotContain("<b>quiet</b>");
        String pdf = pdfText(files.get("record.pdf"));
        assertThat(squeezed(pdf)).contains(squeezed(ANSWER), squeezed(PRIVATE_ENTRY), squeezed(REPLY), "καλημέρα");

        // The download is in the client's own "Who has seen my data"; the stored archive is ciphertext only.
        assertThat(recordDownloadsInAuditOf(People.CLIENT)).contains(People.CLIENT.id().toString());
        byte[] stored = jdbc.sql("select archive from record_export where id = :id")
                .param("id", UUID.fromString(ready.get("id").asString())).query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotStartWith("PK")
                .doesNotContain("record.json");
    }

    @Test
    void aTherapistExportsWhatTheyHoldAndNobodyElseGetsACopy() throws IOException {
        handedInHomeworkWithFeedbackAndReply();
        entry("Sunday", SHARED_ENTRY, true);
        entry("Private", PRIVATE_ENTRY, false);
        long rowsBefore = exportRows();

        // Bad requests change nothing: no client named, someone else's record, an admin's request.
        assertProblem(api.post(RECORDS, People.THERAPIST.token(), Map.of()), 400);
        assertProblem(api.post(RECORDS, People.OTHER_THERAPIST.token(),
                Map.of("clientId", People.CLIENT.id().toString())), 404);
        assertProblem(api.post(RECORDS, People.CLIENT.token(),
                Map.of("clientId", People.OTHER_CLIENT.id().toString())), 404);
        assertProblem(api.post(RECORDS, People.ADMIN.token(), Map.of("clientId", People.CLIENT.id().toString())), 404);
        assertProblem(api.sendRaw("POST", RECORDS, People.CLIENT.token(), "{\"clientId\": 42"), 400);
        assertProblem(api.post(RECORDS, People.CLIENT.token(), Map.of("language", "fr")), 400);
        assertThat(exportRows()).isEqualTo(rowsBefore);

        JsonNode ready = readyCopy(People.THERAPIST, Map.of("clientId", People.CLIENT.id().toString(), "language", "es"));
        String id = ready.get("id").asString();
        assertThat(ready.get("language").asString()).isEqualTo("es");
        // Only the person who asked follows or downloads it.
        for (People other : List.of(People.ADMIN, People.CLIENT, People.OTHER_THERAPIST)) {
            assertProblem(api.get(RECORDS + "/" + id, other.token()), 404);
            assertProblem(api.get(RECORDS + "/" + id + "/archive", other.token()), 404);
        }
        Map<String, byte[]> files = unzip(download(People.THERAPIST, id));
        JsonNode record = Api.JSON.readTree(files.get("record.json"));
        assertThat(record.get("scope").asString()).isEqualTo("THERAPIST_HOLDINGS");
        // Asked for in Spanish: the words around the client's own are Spanish, in the page and in the PDF.
        String html = new String(files.get("record.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("lang=\"es\"").contains("<h2>Diario</h2>").contains("Compartida con el terapeuta");
        assertThat(squeezed(pdfText(files.get("record.pdf")))).contains("Tareas").contains(squeezed(SHARED_ENTRY));
        assertThat(texts(record.get("journalEntries"), "body")).containsExactly(SHARED_ENTRY);
        assertThat(record.get("accessLog")).isEmpty();
        assertThat(record.at("/assignments/0/prompts/0/answer/text").asString()).isEqualTo(ANSWER);

        // The client sees the therapist's export; the admin sees that it happened, without any content.
        assertThat(recordDownloadsInAuditOf(People.CLIENT)).contains(People.THERAPIST.id().toString());
        JsonNode requests = api.get(RECORDS + "?subject=" + People.CLIENT.id(), People.ADMIN.token()).json();
        assertThat(texts(requests.get("items"), "id")).contains(id);
        assertThat(requests.toString()).doesNotContain(ANSWER).doesNotContain(SHARED_ENTRY);
        // Once the client leaves the therapist's caseload, the copy is gone for them too.
        projections.endCaseload(People.CLIENT.id());
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get(RECORDS + "/" + id + "/archive", People.THERAPIST.token()).status() == 404);
        assertProblem(api.get(RECORDS + "/" + id, People.THERAPIST.token()), 404);
        projections.standardCaseloads();
        // A therapist's own list holds only their own requests.
        assertThat(StreamSupport.stream(api.get(RECORDS, People.OTHER_THERAPIST.token()).json().get("items")
                .spliterator(), false)).isEmpty();
    }

    @Test
    void aLinkExpiresAndItsArchiveIsDropped() {
        JsonNode ready = readyCopy(People.CLIENT, Map.of());
        String id = ready.get("id").asString();
        int downloadsBefore = recordDownloadsInAuditOf(People.CLIENT).size();
        clock.advance(Duration.ofHours(72).plusMinutes(1));
        assertProblem(api.get(RECORDS + "/" + id + "/archive", People.CLIENT.token()), 410);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "EXPIRED".equals(api.get(RECORDS + "/" + id, People.CLIENT.token()).json().get("status").asString()));
        assertThat(jdbc.sql("select archive is null from record_export where id = :id").param("id", UUID.fromString(id))
                .query(Boolean.class).single()).isTrue();
        assertProblem(api.get(RECORDS + "/" + id + "/archive", People.CLIENT.token()), 410);
        // A refused download is no download: nothing left, nothing audited.
        assertThat(recordDownloadsInAuditOf(People.CLIENT)).hasSize(downloadsBefore);
        assertThat(api.get(RECORDS + "/" + id, People.CLIENT.token()).json().get("downloads").asInt()).isZero();
    }

    private JsonNode readyCopy(People person, Map<String, Object> body) {
        Api.Response asked = api.post(RECORDS, person.token(), body);
        assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
        assertThat(asked.header("Location")).endsWith(asked.json().get("id").asString());
        String id = asked.json().get("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "READY".equals(api.get(RECORDS + "/" + id, person.token()).json().get("status").asString()));
        return api.get(RECORDS + "/" + id, person.token()).json();
    }

    private byte[] download(People person, String id) {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                    api.request(RECORDS + "/" + id + "/archive", person.token()).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
            assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                    .startsWith("attachment; filename=\"secure-base-record-");
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String handedInHomeworkWithFeedbackAndReply() {
        Api.Response created = api.post("/api/journal/assignments", People.THERAPIST.token(),
                Api.map("clientId", People.CLIENT.id().toString(), "articleId", article.toString(),
                        "prompts", List.of(Api.map("kind", "TEXT", "question", "What did you notice?"),
                                Api.map("kind", "SCALE", "question", "How close did you feel?")),
                        "dueAt", clock.instant().plus(Duration.ofDays(3)).toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        JsonNode opened = api.get("/api/journal/assignments/" + id, People.CLIENT.token()).json();
        String text = opened.get("prompts").get(0).get("id").asString();
        String scale = opened.get("prompts").get(1).get("id").asString();
        assertThat(api.put("/api/journal/assignments/" + id + "/plan", People.CLIENT.token(),
                Api.map("whenWhere", PLAN)).status()).isEqualTo(200);
        String answer = api.put("/api/journal/assignments/" + id + "/answers/" + text, People.CLIENT.token(),
                Api.map("text", ANSWER)).json().get("id").asString();
        assertThat(api.put("/api/journal/assignments/" + id + "/answers/" + scale, People.CLIENT.token(),
                Api.map("value", 7)).status()).isEqualTo(200);
        assertThat(api.post("/api/journal/assignments/" + id + "/submit", People.CLIENT.token(), Map.of()).status())
                .isEqualTo(200);
        String feedback = api.post("/api/journal/assignments/" + id + "/answers/" + answer + "/feedback",
                People.THERAPIST.token(), Api.map("body", FEEDBACK)).json().get("id").asString();
        clock.advance(Duration.ofMinutes(1));
        assertThat(api.post("/api/journal/assignments/" + id + "/feedback/" + feedback + "/replies",
                People.CLIENT.token(), Api.map("body", REPLY)).status()).isEqualTo(201);
        return id;
    }

    private void entry(String title, String body, boolean shared) {
        Api.Response created = api.post("/api/journal/entries", People.CLIENT.token(),
                Api.map("title", title, "body", body, "mood", 3));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        if (shared) {
            assertThat(api.post("/api/journal/entries/" + created.json().get("id").asString() + "/share",
                    People.CLIENT.token(), Map.of()).status()).isEqualTo(200);
        }
    }

    /** The readers of the client's record downloads, as the client's own audit lists them. */
    private List<String> recordDownloadsInAuditOf(People client) {
        JsonNode audit = api.get("/api/journal/audit?limit=100", client.token()).json();
        return StreamSupport.stream(audit.get("items").spliterator(), false)
                .filter(read -> read.get("resourceType").asString().equals("CLIENT_RECORD")
                        && read.get("action").asString().equals("EXPORTED"))
                .map(read -> read.at("/actor/id").asString())
                .toList();
    }

    private long exportRows() {
        return jdbc.sql("select count(*) from record_export").query(Long.class).single();
    }

    private static List<String> validate(byte[] schema, JsonNode record) {
        Schema compiled = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(new ByteArrayInputStream(schema));
        return compiled.validate(record, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)))
                .stream().map(Object::toString).toList();
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
            assertThat(document.getNumberOfPages()).isPositive();
            return new PDFTextStripper().getText(document);
        }
    }

    /** Line breaks and runs of spaces as the PDF's layout makes them differ from the text; words stay. */
    private static String squeezed(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static JsonNode only(JsonNode list, String id) {
        return StreamSupport.stream(list.spliterator(), false).filter(node -> node.get("id").asString().equals(id))
                .findFirst().orElseThrow();
    }

    private static List<String> texts(JsonNode list, String field) {
        return StreamSupport.stream(list.spliterator(), false).map(node -> node.get(field).asString()).toList();
    }

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
    }
}
