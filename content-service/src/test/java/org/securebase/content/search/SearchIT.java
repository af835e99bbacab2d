package org.securebase.content.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.content.support.Api;
import org.securebase.content.support.Articles;
import org.securebase.content.support.ContentServiceIntegrationTest;
import org.securebase.content.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/** The catalog: PostgreSQL full-text search ranked by relevance, tag filter, paging, status rules. */
@ContentServiceIntegrationTest
class SearchIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    private Api api;
    private Articles articles;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        articles = new Articles(api);
    }

    @Test
    void findsPublishedArticlesByWordsRankedByWhereTheyMatch() {
        // A made-up word per run, so articles of other tests and runs do not interfere.
        String word = "zorblat" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "q");
        String inTitle = Articles.uniqueSlug("title-match");
        String inBody = Articles.uniqueSlug("body-match");
        String draft = Articles.uniqueSlug("draft-match");
        articles.createPublished(inBody, "Something else", "The body mentions " + word + " once, in passing.");
        articles.createPublished(inTitle, "All about " + word, "Other things entirely.");
        articles.createDraft(draft, "Draft about " + word, "Draft body.");

        JsonNode found = search(word, TestTokens.client());

        assertThat(found.get("items").findValuesAsString("slug")).containsExactly(inTitle, inBody);
        assertThat(found.get("totalItems").asLong()).isEqualTo(2);
        List<JsonNode> items = found.get("items").valueStream().toList();
        assertThat(items.get(0).get("rank").asDouble()).isGreaterThan(items.get(1).get("rank").asDouble());
        // Stemming: the plural finds the singular.
        assertThat(search("bodies " + word, TestTokens.client()).get("items").findValuesAsString("slug"))
                .containsExactly(inBody);
        // Authors search drafts on request.
        assertThat(api.get("/api/content/articles?status=draft&q=" + word, TestTokens.therapist()).json()
                .get("items").findValuesAsString("slug")).containsExactly(draft);
    }

    @Test
    void anArticleInSpanishIsFoundWithSpanishRulesAndKeepsItsLanguageThroughAnEdit() {
        String word = "zorblat" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "q");
        String spanish = Articles.uniqueSlug("relaciones");
        String english = Articles.uniqueSlug("relationships");
        Map<String, Object> inSpanish = Articles.body(spanish, "Las relaciones que sanan",
                "Las relaciones seguras ayudan a sanar las heridas del apego. " + word, List.of());
        inSpanish.put("language", "es");
        Api.Response created = api.post("/api/content/articles", TestTokens.therapist(), Api.json(inSpanish));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("language").asString()).isEqualTo("es");
        articles.publish(spanish);
        articles.createPublished(english, "Relationships that heal", "Secure relationships help. " + word);

        // Spanish stemming (and its accents): the singular "relación" finds "relaciones"; English finds English.
        JsonNode found = search("relación " + word, TestTokens.client());
        assertThat(found.get("items").findValuesAsString("slug")).containsExactly(spanish);
        assertThat(found.get("items").get(0).get("language").asString()).isEqualTo("es");
        assertThat(search("relationship " + word, TestTokens.client()).get("items").findValuesAsString("slug"))
                .containsExactly(english);
        // Spanish stop words are not words to look for: "las" alone matches nothing.
        assertThat(search("las", TestTokens.client()).get("totalItems").asLong()).isZero();

        // An edit that does not name a language keeps the article's, in the article and in the new version.
        Api.Response article = articles.get(spanish, TestTokens.therapist());
        Api.Response edited = api.put("/api/content/articles/" + spanish, TestTokens.therapist(),
                Api.json(Articles.body(null, "Las relaciones que sanan, revisado", "Otro texto. " + word, List.of())),
                "If-Match", article.header("ETag"));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().get("language").asString()).isEqualTo("es");
        assertThat(api.get("/api/content/articles/" + spanish + "/versions/2", TestTokens.client()).json()
                .get("language").asString()).isEqualTo("es");
        assertThat(api.get("/api/content/articles/" + spanish + "/versions/1", TestTokens.client()).json()
                .get("language").asString()).isEqualTo("es");

        // A language the library cannot index is refused, and nothing is stored.
        Map<String, Object> inFrench = Articles.body(Articles.uniqueSlug("francais"), "Les relations", "Texte.", List.of());
        inFrench.put("language", "fr");
        Api.Response refused = api.post("/api/content/articles", TestTokens.therapist(), Api.json(inFrench));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("language");
        assertThat(articles.get((String) inFrench.get("slug"), TestTokens.therapist()).status()).isEqualTo(404);
    }

    @Test
    void findsTheSeedArticleByItsContent() {
        JsonNode found = search("secure base attachment wounds", TestTokens.client());

        assertThat(found.get("items").findValuesAsString("slug")).contains("attachment-and-healing");
    }

    @Test
    void filtersByTagAndPages() {
        String tag = "tag-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            articles.createPublished(Articles.uniqueSlug("paged"), "Paged " + i, "Body " + i, tag);
        }

        JsonNode first = api.get("/api/content/articles?tag=" + tag + "&size=2&page=0", TestTokens.client()).json();
        JsonNode last = api.get("/api/content/articles?tag=" + tag + "&size=2&page=2", TestTokens.client()).json();

        assertThat(first.get("totalItems").asLong()).isEqualTo(5);
        assertThat(first.get("totalPages").asInt()).isEqualTo(3);
        assertThat(first.get("items")).hasSize(2);
        assertThat(last.get("items")).hasSize(1);
        assertThat(first.get("items").get(0).get("tags").get(0).asString()).isEqualTo(tag);
        // Newest first.
        assertThat(first.get("items").get(0).get("title").asString()).isEqualTo("Paged 4");
    }

    @Test
    void anyTextIsASafeQuery() {
        for (String text : List.of("\"unbalanced", "a & b | !c", "'; drop table article; --", "<script>", ":*", "!!!",
                "the", "ünïcödé 😀", "OR", "-")) {
            Api.Response response = api.get("/api/content/articles?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8),
                    TestTokens.client());
            assertThat(response.status()).as(text + " -> " + response).isEqualTo(200);
        }
        assertThat(jdbc.sql("select count(*) from article").query(Long.class).single()).isPositive();
    }

    @Test
    void theSearchUsesTheGinIndex() {
        List<String> plan = transaction.execute(status -> {
            // With a test's few rows a sequential scan is cheapest; take it away to see what the planner
            // chooses once the table is large.
            jdbc.sql("set local enable_seqscan = off").update();
            return jdbc.sql("""
                            explain select id from article a, websearch_to_tsquery('english', 'attachment') q_en,
                                websearch_to_tsquery('spanish', 'attachment') q_es
                            where (a.language = 'en' and a.search_vector @@ q_en)
                               or (a.language = 'es' and a.search_vector @@ q_es)""")
                    .query(String.class).list();
        });

        assertThat(String.join("\n", plan)).contains("article_search_vector_idx");
    }

    private JsonNode search(String text, String token) {
        Api.Response response = api.get("/api/content/articles?size=100&q=" + URLEncoder.encode(text, StandardCharsets.UTF_8), token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
