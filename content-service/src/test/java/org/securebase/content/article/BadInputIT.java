package org.securebase.content.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.content.support.Api;
import org.securebase.content.support.Articles;
import org.securebase.content.support.ContentServiceIntegrationTest;
import org.securebase.content.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bad input gets a problem+json 4xx and changes nothing: not the article, not its versions, and no event
 * in the outbox.
 */
@ContentServiceIntegrationTest
class BadInputIT {

    private static final String BODY = "Some text.\n\n## A Heading\n\n- one\n- two\n";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Api api;
    private Articles articles;
    private String slug;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        articles = new Articles(api);
        slug = Articles.uniqueSlug("bad-input");
        articles.createPublished(slug, "Bad input target", BODY);
    }

    @Test
    void anOversizeBodyIs413() {
        String huge = "x".repeat(ArticleAuthoring.MAX_MARKDOWN_CHARS + 1);
        assertRefused(413, () -> api.put(path(), TestTokens.therapist(),
                Api.json(Articles.body(null, "T", huge, List.of())), "If-Match", etag()));
        assertRefused(413, () -> api.post("/api/content/articles", TestTokens.therapist(),
                Api.json(Articles.body(Articles.uniqueSlug("huge"), "T", huge, List.of()))));
        // More than the request limit: refused before it is parsed, with or without a Content-Length.
        String wayTooBig = Api.json(Articles.body(null, "T", "y".repeat(1536 * 1024), List.of()));
        assertRefused(413, () -> api.put(path(), TestTokens.therapist(), wayTooBig, "If-Match", etag()));
        assertThat(api.put(path(), TestTokens.therapist(), wayTooBig, "If-Match", etag()).json().get("detail").asString())
                .isEqualTo("The request body may be at most 1048576 bytes, and an article body at most "
                        + ArticleAuthoring.MAX_MARKDOWN_CHARS + " characters.");
        assertRefused(413, () -> api.send(api.request(path(), TestTokens.therapist(), "If-Match", etag(),
                        "Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString(wayTooBig)))));
    }

    @Test
    void anInvalidOrDuplicateSlugIsRefused() {
        for (String invalid : List.of("Has Capitals", "under_score", "-leading", "trailing-", "a", "x".repeat(101),
                "double--hyphen", "ümlaut")) {
            assertRefused(400, () -> api.post("/api/content/articles", TestTokens.therapist(),
                    Api.json(Articles.body(invalid, "T", BODY, List.of()))));
        }
        assertRefused(409, () -> api.post("/api/content/articles", TestTokens.therapist(),
                Api.json(Articles.body(slug, "Same slug", BODY, List.of()))));
        assertRefused(409, () -> api.post("/api/content/articles", TestTokens.therapist(),
                Api.json(Articles.body("attachment-and-healing", "Same as the seed", BODY, List.of()))));
    }

    @Test
    void aStaleOrMissingIfMatchIsRefused() {
        String stale = etag();
        api.put(path(), TestTokens.therapist(), Api.json(Articles.body(null, "Changed once", BODY, List.of())),
                "If-Match", stale);

        assertRefused(412, () -> api.put(path(), TestTokens.therapist(),
                Api.json(Articles.body(null, "Lost update", BODY, List.of())), "If-Match", stale));
        assertRefused(412, () -> api.put(path(), TestTokens.therapist(),
                Api.json(Articles.body(null, "Weak tag", BODY, List.of())), "If-Match", "W/" + etag()));
        assertRefused(428, () -> api.put(path(), TestTokens.therapist(),
                Api.json(Articles.body(null, "No precondition", BODY, List.of()))));
        assertRefused(412, () -> api.post(path() + "/retract", TestTokens.therapist(), null, "If-Match", stale));
    }

    @Test
    void publishingAnEmptyArticleIsRefused() {
        String empty = Articles.uniqueSlug("empty");
        articles.createDraft(empty, "Nothing yet", "");
        String htmlOnly = Articles.uniqueSlug("html-only");
        articles.createDraft(htmlOnly, "Only markup", "<script>alert(1)</script>\n\n<!-- comment -->");

        for (String target : List.of(empty, htmlOnly, "healing-through-the-body")) {
            Api.Response before = articles.get(target, TestTokens.therapist());
            long events = outboxSize();
            Api.Response refused = api.post("/api/content/articles/" + target + "/publish", TestTokens.therapist(), null);

            assertProblem(refused, 409);
            assertThat(articles.get(target, TestTokens.therapist()).body()).isEqualTo(before.body());
            assertThat(outboxSize()).isEqualTo(events);
        }
        // Emptying a published article is refused too: it would publish nothing.
        assertRefused(409, () -> api.put(path(), TestTokens.therapist(),
                Api.json(Articles.body(null, "Emptied", "", List.of())), "If-Match", etag()));
        assertRefused(409, () -> api.post("/api/content/articles/" + empty + "/retract", TestTokens.therapist(), null));
    }

    @Test
    void malformedMarkdownOrJsonIsRefused() {
        for (String markdown : List.of("nul \u0000 byte", "bell \u0007", "> ".repeat(500) + "deep", "- ".repeat(500) + "deep")) {
            assertRefused(400, () -> api.put(path(), TestTokens.therapist(),
                    Api.json(Articles.body(null, "T", markdown, List.of())), "If-Match", etag()));
        }
        // A lone surrogate can only travel as a JSON escape: it is not encodable as UTF-8.
        for (String field : List.of("markdown", "title", "summary")) {
            String json = "{\"title\": \"T\", \"" + field + "\": \"lone \\ud800 surrogate\"}";
            assertRefused(400, () -> api.put(path(), TestTokens.therapist(), json, "If-Match", etag()));
        }
        for (String json : List.of("{", "not json", "[]", "{\"title\": 5, \"markdown\": {}}", "{\"title\": \"x\", \"tags\": \"a\"}",
                "", "{\"title\": \"t\\u0000\", \"markdown\": \"x\"}", "{\"title\": \"\"}", "{\"title\": \"   \"}",
                "{\"title\": \"t\", \"tags\": [\"Not A Tag\"]}", "{\"title\": \"t\", \"tags\": " + manyTags() + "}",
                "{\"title\": \"" + "t".repeat(201) + "\"}", "{\"title\": \"t\", \"nextSlug\": \"no-such-article\"}")) {
            assertRefused(400, () -> api.put(path(), TestTokens.therapist(), json, "If-Match", etag()));
        }
        assertRefused(400, () -> api.send(api.request(path(), TestTokens.therapist(), "If-Match", etag(),
                "Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofByteArray(
                new byte[] { '{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' }))));
        assertRefused(415, () -> api.send(api.request(path(), TestTokens.therapist(), "If-Match", etag(),
                "Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString("title"))));
    }

    @Test
    void badQueryParametersAreRefused() {
        for (String query : List.of("status=unknown", "size=0", "size=101", "page=-1", "page=x", "tag=Not%20A%20Tag",
                "q=" + "w".repeat(201), "q=nul%00byte")) {
            Api.Response response = api.get("/api/content/articles?" + query, TestTokens.therapist());
            assertProblem(response, 400);
        }
        assertProblem(api.get(path() + "/versions/x", TestTokens.client()), 400);
        assertProblem(api.get(path() + "/versions/-1", TestTokens.client()), 404);
        assertProblem(api.get("/api/content/articles/no-such-article", TestTokens.therapist()), 404);
    }

    /** Sends the request and checks the status, the problem+json body, and that nothing changed. */
    private void assertRefused(int status, Supplier<Api.Response> request) {
        String before = articles.get(slug, TestTokens.therapist()).body();
        long versions = versionCount();
        long events = outboxSize();
        long rows = articleCount();

        Api.Response response = request.get();

        assertProblem(response, status);
        assertThat(articles.get(slug, TestTokens.therapist()).body()).as("article unchanged").isEqualTo(before);
        assertThat(versionCount()).as("no version added").isEqualTo(versions);
        assertThat(outboxSize()).as("no event stored").isEqualTo(events);
        assertThat(articleCount()).as("no article added").isEqualTo(rows);
    }

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("detail").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    private String path() {
        return "/api/content/articles/" + slug;
    }

    private String etag() {
        return articles.get(slug, TestTokens.therapist()).header("ETag");
    }

    private long versionCount() {
        return jdbc.sql("select count(*) from article_version").query(Long.class).single();
    }

    private long articleCount() {
        return jdbc.sql("select count(*) from article").query(Long.class).single();
    }

    private long outboxSize() {
        return jdbc.sql("select count(*) from event_publication").query(Long.class).single();
    }

    private static String manyTags() {
        StringBuilder tags = new StringBuilder("[");
        for (int i = 0; i < 21; i++) {
            tags.append(i == 0 ? "" : ",").append("\"tag-").append(i).append('"');
        }
        return tags.append(']').toString();
    }

}
