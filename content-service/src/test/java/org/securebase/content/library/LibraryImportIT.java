package org.securebase.content.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.content.support.Api;
import org.securebase.content.support.Articles;
import org.securebase.content.support.ContentServiceIntegrationTest;
import org.securebase.content.support.TestTokens;
import org.securebase.platform.contracts.ContentLimits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Import and export of library files against the real service and database: per-file errors and nothing
 * half-imported, series links, the sanitizing renderer, who may, and an export that imports back as it was.
 */
@ContentServiceIntegrationTest
class LibraryImportIT {

    private static final String IMPORT = "/api/content/library/import";
    private static final String EXPORT = "/api/content/library/export";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Api api;
    private Articles articles;
    private String prefix;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        articles = new Articles(api);
        prefix = "lib-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aFolderWithBadFilesGetsOneErrorPerFileAndImportsNothing() {
        String existing = prefix + "-existing";
        articles.createDraft(existing, "Already here", "Body.");
        long articlesBefore = count();

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(prefix + "-fine.md", file("A fine one", prefix + "-fine", "", "Fine body."));
        files.put(prefix + "-malformed.md", utf8("---\ntitle: Malformed\nthis line is no key\n---\nBody.\n"));
        files.put(prefix + "-twin-a.md", file("Twin A", prefix + "-twin", "", "A."));
        files.put(prefix + "-twin-b.md", file("Twin B", prefix + "-twin", "", "B."));
        files.put(prefix + "-clash.md", file("Clashes with the library", existing, "", "Body."));
        files.put(prefix + "-script.md", file("Script", prefix + "-script", "", "Hi <script>alert(1)</script> there."));
        files.put(prefix + "-huge.md", new byte[20 * 1024 * 1024]);
        files.put(prefix + "-notes.txt", utf8("not markdown"));

        Api.Response response = upload(TestTokens.therapist(), files);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("type").asString()).isEqualTo("urn:securebase:problem:validation-failed");
        assertThat(problem.path("detail").asString()).isEqualTo("Nothing was imported: 5 of 8 files have problems. See 'errors'.");
        Map<String, String> errors = errorsOf(problem);
        assertThat(errors).containsOnlyKeys(prefix + "-malformed.md", prefix + "-twin-b.md", prefix + "-clash.md",
                prefix + "-huge.md", prefix + "-notes.txt");
        assertThat(errors.get(prefix + "-malformed.md")).startsWith("line 3: expected 'key: value'");
        assertThat(errors.get(prefix + "-twin-b.md")).contains("as " + prefix + "-twin-a.md in this import has");
        assertThat(errors.get(prefix + "-clash.md")).contains("is already in the library");
        assertThat(errors.get(prefix + "-huge.md")).isEqualTo("is 20971520 bytes; a file may be at most "
                + ContentLimits.IMPORT_FILE_BYTES + " bytes (512 KB)");
        assertThat(errors.get(prefix + "-notes.txt")).contains("must end in .md");

        assertThat(count()).as("articles after a refused import").isEqualTo(articlesBefore);
        assertThat(articles.get(prefix + "-fine", TestTokens.therapist()).status()).isEqualTo(404);
        assertThat(articles.get(prefix + "-script", TestTokens.therapist()).status()).isEqualTo(404);
    }

    @Test
    void aSeriesIsImportedAsDraftsAndPublishedOnesOfTheCallerWithLinksAndNoScript() {
        String first = prefix + "-first";
        String second = prefix + "-second";
        String third = prefix + "-third";
        Map<String, byte[]> files = new LinkedHashMap<>();
        // Out of series order, so the import has to create the later ones first.
        files.put(first + ".md", utf8("---\ntitle: First steps\nsummary: Where it starts\ntags: [series, trust]\n"
                + "status: published\nnext: " + second + "\n---\n## Begin\n\nThe first.\n"));
        files.put(third + ".md", utf8("---\ntitle: Third steps\n---\nThe last one.\n"));
        files.put("folder/" + second + ".md", utf8("---\ntitle: Second steps\nnext: " + third + "\n---\n"
                + "Middle <script>alert('x')</script> <img src=x onerror=alert(1)> [link](javascript:alert(1))\n"));

        Api.Response response = upload(TestTokens.therapist(), files);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode imported = response.json().path("imported");
        assertThat(imported).hasSize(3);
        assertThat(imported.path(0).path("slug").asString()).isEqualTo(first);
        assertThat(imported.path(0).path("status").asString()).isEqualTo("published");
        assertThat(imported.path(2).path("file").asString()).isEqualTo(second + ".md");

        UUID therapist = TestTokens.subject(TestTokens.therapist());
        JsonNode one = articles.get(first, TestTokens.therapist()).json();
        JsonNode two = articles.get(second, TestTokens.therapist()).json();
        JsonNode three = articles.get(third, TestTokens.therapist()).json();
        assertThat(one.path("status").asString()).isEqualTo("published");
        assertThat(one.path("version").asInt()).isEqualTo(1);
        assertThat(two.path("status").asString()).isEqualTo("draft");
        assertThat(three.path("status").asString()).isEqualTo("draft");
        for (JsonNode article : List.of(one, two, three)) {
            assertThat(article.path("authorId").asString()).isEqualTo(therapist.toString());
        }
        assertThat(one.path("tags").toString()).isEqualTo("[\"series\",\"trust\"]");
        assertThat(one.path("summary").asString()).isEqualTo("Where it starts");
        assertThat(one.path("series").path("next").path("slug").asString()).isEqualTo(second);
        assertThat(two.path("series").path("previous").path("slug").asString()).isEqualTo(first);
        assertThat(two.path("series").path("next").path("slug").asString()).isEqualTo(third);
        assertThat(three.path("series").path("previous").path("slug").asString()).isEqualTo(second);
        String html = two.path("html").asString().toLowerCase();
        assertThat(html).contains("middle").doesNotContain("<script", "onerror", "javascript:");
        // A client reading the published first article is shown no link to the draft that follows it.
        JsonNode asClient = articles.get(first, TestTokens.client()).json();
        assertThat(asClient.path("series").path("next").isNull() || asClient.path("series").path("next").isMissingNode())
                .as(asClient.path("series").toString()).isTrue();
    }

    @Test
    void aSeriesThatComesBackToItselfOrNamesNothingIsRefused() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(prefix + "-ring-a.md", file("Ring A", prefix + "-ring-a", "next: " + prefix + "-ring-b\n", "A."));
        files.put(prefix + "-ring-b.md", file("Ring B", prefix + "-ring-b", "next: " + prefix + "-ring-a\n", "B."));
        files.put(prefix + "-dangling.md", file("Dangling", prefix + "-dangling", "next: " + prefix + "-nowhere\n", "C."));

        Api.Response response = upload(TestTokens.admin(), files);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        Map<String, String> errors = errorsOf(response.json());
        assertThat(errors.get(prefix + "-ring-a.md")).isEqualTo("line 4: the series comes back to this article; "
                + "a series has a first and a last article");
        assertThat(errors.get(prefix + "-dangling.md")).contains("which is neither in this import nor in the library");
        assertThat(articles.get(prefix + "-ring-a", TestTokens.admin()).status()).isEqualTo(404);
    }

    @Test
    void clientsMayNeitherImportNorExport() {
        Api.Response imported = upload(TestTokens.client(), Map.of(prefix + "-c.md", file("C", prefix + "-c", "", "C.")));
        Api.Response exported = api.get(EXPORT, TestTokens.client());

        assertThat(imported.status()).isEqualTo(403);
        assertThat(imported.contentType()).startsWith("application/problem+json");
        assertThat(exported.status()).isEqualTo(403);
        assertThat(articles.get(prefix + "-c", TestTokens.therapist()).status()).isEqualTo(404);
    }

    /** Sent by hand: only the head and a first line of the body go out, and the answer comes without the rest. */
    @Test
    void aRequestOverTheUploadLimitIsRefusedWith413BeforeItsBodyIsRead() throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(utf8("POST " + IMPORT + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + TestTokens.therapist() + "\r\nContent-Type: multipart/form-data; boundary=vast\r\n"
                    + "Content-Length: " + (ContentLimits.IMPORT_REQUEST_BYTES + 1) + "\r\nConnection: close\r\n\r\n"
                    + "--vast\r\n"));
            out.flush();
            // The head only: the connection stays open while Tomcat waits to swallow the body that never comes.
            String answer = head(socket.getInputStream());

            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer.toLowerCase()).contains("content-type: application/problem+json");
        }
    }

    @Test
    void somethingOtherThanAMultipartUploadIs415() {
        Api.Response response = api.post(IMPORT, TestTokens.therapist(), "{\"files\":[]}");

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aMultipartBodyThatCannotBeReadIs400AndNoPartIsToo() {
        Api.Response unclosed = api.send(api.request(IMPORT, TestTokens.therapist(),
                "Content-Type", "multipart/form-data; boundary=broken")
                .POST(HttpRequest.BodyPublishers.ofString("--broken\r\nContent-Disposition: form-data; name=\"files\"; "
                        + "filename=\"a.md\"\r\n\r\n---\ntitle: x\n")));
        Api.Response noBoundary = api.send(api.request(IMPORT, TestTokens.therapist(), "Content-Type", "multipart/form-data")
                .POST(HttpRequest.BodyPublishers.ofString("--x\r\n\r\nhi\r\n--x--\r\n")));
        Api.Response noParts = api.send(api.request(IMPORT, TestTokens.therapist(),
                "Content-Type", "multipart/form-data; boundary=empty").POST(HttpRequest.BodyPublishers.ofString("--empty--\r\n")));

        for (Api.Response response : List.of(unclosed, noBoundary, noParts)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void anExportImportsIntoAnEmptyLibraryAsTheSameArticles() throws IOException {
        String a = prefix + "-round-a";
        String b = prefix + "-round-b";
        String c = prefix + "-round-c";
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(a + ".md", utf8("---\ntitle: \"Round \\\"trip\\\" A\"\nsummary: \"Two\\nlines\"\ntags: [round, trip]\n"
                + "status: published\nnext: " + b + "\n---\n## A\n\n- one\n- two\n"));
        files.put(b + ".md", utf8("---\ntitle: Round trip B\nnext: " + c + "\n---\nB with <b>bold</b> and \u00E9\u0301 \uD83E\uDDE0\n"));
        files.put(c + ".md", utf8("---\ntitle: Ida y vuelta C\nstatus: published\nlanguage: es\n---\nEl final.\n"));
        assertThat(upload(TestTokens.therapist(), files).status()).isEqualTo(200);
        Map<String, JsonNode> before = readAll(List.of(a, b, c));

        BinaryResponse export = exportZip();
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        Map<String, byte[]> exported = unzip(export.bytes());
        assertThat(exported).containsKeys(a + ".md", b + ".md", c + ".md");
        assertThat(new String(exported.get(a + ".md"), StandardCharsets.UTF_8)).startsWith("---\ntitle: ");
        Map<String, byte[]> ours = new LinkedHashMap<>();
        exported.forEach((name, content) -> {
            if (name.startsWith(prefix)) {
                ours.put(name, content);
            }
        });
        assertThat(ours).hasSize(3);

        emptyTheLibraryOf(List.of(a, b, c));
        assertThat(articles.get(a, TestTokens.therapist()).status()).isEqualTo(404);

        Api.Response reimported = upload(TestTokens.admin(), Map.of("export.zip", zip(ours)));
        assertThat(reimported.status()).as(reimported.toString()).isEqualTo(200);
        Map<String, JsonNode> after = readAll(List.of(a, b, c));
        for (String slug : List.of(a, b, c)) {
            for (String field : List.of("slug", "title", "summary", "language", "status", "version", "tags", "markdown", "html",
                    "sections", "readingMinutes")) {
                assertThat(after.get(slug).path(field)).as(slug + " " + field).isEqualTo(before.get(slug).path(field));
            }
            assertThat(after.get(slug).path("series").path("next").path("slug"))
                    .isEqualTo(before.get(slug).path("series").path("next").path("slug"));
            assertThat(after.get(slug).path("series").path("previous").path("slug"))
                    .isEqualTo(before.get(slug).path("series").path("previous").path("slug"));
        }
        assertThat(after.get(a).path("series").path("next").path("slug").asString()).isEqualTo(b);
        assertThat(after.get(a).path("title").asString()).isEqualTo("Round \"trip\" A");
        assertThat(after.get(a).path("summary").asString()).isEqualTo("Two\nlines");
        assertThat(after.get(a).path("language").asString()).isEqualTo("en");
        assertThat(after.get(c).path("language").asString()).isEqualTo("es");
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static String head(java.io.InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            head.write(next);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private Map<String, JsonNode> readAll(List<String> slugs) {
        Map<String, JsonNode> read = new LinkedHashMap<>();
        for (String slug : slugs) {
            Api.Response response = articles.get(slug, TestTokens.therapist());
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            read.put(slug, response.json());
        }
        return read;
    }

    /** What an empty library would be for these articles: none of them, no versions, no series links to them. */
    private void emptyTheLibraryOf(List<String> slugs) {
        jdbc.sql("update article set next_article_id = null where slug in (:slugs) "
                + "or next_article_id in (select id from article where slug in (:slugs))").param("slugs", slugs).update();
        jdbc.sql("delete from article_version where article_id in (select id from article where slug in (:slugs))")
                .param("slugs", slugs).update();
        jdbc.sql("delete from article where slug in (:slugs)").param("slugs", slugs).update();
    }

    private long count() {
        return jdbc.sql("select count(*) from article").query(Long.class).single();
    }

    private static Map<String, String> errorsOf(JsonNode problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        problem.path("errors").forEach(error -> errors.put(error.path("field").asString(), error.path("message").asString()));
        return errors;
    }

    private static byte[] file(String title, String slug, String moreFrontMatter, String body) {
        return utf8("---\ntitle: " + title + "\nslug: " + slug + "\n" + moreFrontMatter + "---\n" + body + "\n");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Api.Response upload(String token, Map<String, byte[]> files) {
        String boundary = "----library" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        files.forEach((name, content) -> {
            body.writeBytes(utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                    + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
            body.writeBytes(content);
            body.writeBytes(utf8("\r\n"));
        });
        body.writeBytes(utf8("--" + boundary + "--\r\n"));
        // Expect: 100-continue, so that a request refused by its Content-Length is answered before its body is sent.
        return api.send(api.request(IMPORT, token, "Content-Type", "multipart/form-data; boundary=" + boundary)
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private BinaryResponse exportZip() {
        try {
            HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(
                    api.request(EXPORT, TestTokens.therapist()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new BinaryResponse(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record BinaryResponse(int status, byte[] bytes, String contentType) {
        @Override
        public String toString() {
            return status + " " + contentType;
        }
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                out.putNextEntry(new ZipEntry("readings/" + file.getKey()));
                out.write(file.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
