package org.securebase.content.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.content.support.Api;
import org.securebase.content.support.ContentServiceIntegrationTest;
import org.securebase.content.support.TestTokens;
import org.securebase.content.support.TopicProbe;
import org.securebase.platform.events.EventEnvelope;
import org.securebase.platform.events.EventJson;
import org.securebase.platform.events.Topics;
import org.securebase.platform.events.content.ArticlePublished;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** The seed article is in the library from the first start, whole, and visible to every role. */
@ContentServiceIntegrationTest
class SeedArticleIT {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    SeedImporter importer;

    @Autowired
    JdbcClient jdbc;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void aClientReadsTheSeedArticleWithItsSections() {
        Api.Response response = api.get("/api/content/articles/attachment-and-healing", TestTokens.client());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode article = response.json();
        assertThat(article.get("title").asString()).isEqualTo("Attachment and Healing: Why Relationships in Therapy Matter");
        assertThat(article.get("status").asString()).isEqualTo("published");
        assertThat(article.get("version").asInt()).isEqualTo(1);
        assertThat(article.get("readingMinutes").asInt()).isBetween(3, 5);
        assertThat(article.has("markdown")).as("Markdown is for authors").isFalse();
        assertThat(article.get("html").asString()).contains("<h2 id=\"how-attachment-wounds-show-up\">")
                .doesNotContain("Next").doesNotContain("Somatic");

        JsonNode wounds = section(article, "how-attachment-wounds-show-up");
        assertThat(wounds.get("heading").asString()).isEqualTo("How Attachment Wounds Show Up");
        JsonNode patterns = wounds.get("lists").get(0);
        assertThat(patterns.get("id").asString()).isEqualTo("how-attachment-wounds-show-up-list-1");
        assertThat(patterns.get("items")).hasSize(6);
        assertThat(patterns.get("items").get(1).get("text").asString()).isEqualTo("Difficulty trusting others");
        assertThat(patterns.get("items").get(1).get("id").asString()).startsWith("how-attachment-wounds-show-up-list-1-");

        // The series continues with a draft placeholder: hidden from the client.
        assertThat(article.get("series").get("next").isNull()).isTrue();
    }

    @Test
    void everySentenceOfTheSourceReachesTheReader() {
        JsonNode article = api.get("/api/content/articles/attachment-and-healing", TestTokens.client()).json();
        String source = SeedImporter.readSeed();

        String rendered = SeedText.normalize(article.get("title").asString() + "\n"
                + SeedText.textOfHtml(article.get("html").asString()));

        assertThat(rendered).isEqualTo(SeedText.normalize(SeedText.withoutNavigation(source)));
        for (String sentence : SeedText.sentences(SeedText.withoutNavigation(source))) {
            assertThat(rendered).contains(sentence);
        }
    }

    @Test
    void theNextArticleIsADraftPlaceholderOnlyAuthorsSee() {
        assertThat(api.get("/api/content/articles/healing-through-the-body", TestTokens.client()).status()).isEqualTo(404);
        assertThat(api.get("/api/content/articles?status=draft", TestTokens.client()).status()).isEqualTo(403);

        JsonNode placeholder = api.get("/api/content/articles/healing-through-the-body", TestTokens.therapist()).json();
        assertThat(placeholder.get("title").asString())
                .isEqualTo("Healing Through the Body: A Somatic Approach to Trauma Recovery");
        assertThat(placeholder.get("status").asString()).isEqualTo("draft");
        assertThat(placeholder.get("markdown").asString()).isEmpty();
        assertThat(placeholder.get("summary").asString()).isEmpty();
        assertThat(placeholder.get("sections")).isEmpty();
        assertThat(placeholder.get("series").get("previous").get("slug").asString()).isEqualTo("attachment-and-healing");

        JsonNode seed = api.get("/api/content/articles/attachment-and-healing", TestTokens.therapist()).json();
        assertThat(seed.get("series").get("next").get("slug").asString()).isEqualTo("healing-through-the-body");
        assertThat(seed.get("series").get("next").get("status").asString()).isEqualTo("draft");

        JsonNode drafts = api.get("/api/content/articles?status=draft&size=100", TestTokens.therapist()).json();
        assertThat(drafts.get("items").findValuesAsString("slug")).contains("healing-through-the-body");
    }

    @Test
    void theImportRunsOnceAndChangesNothingOnLaterStarts() {
        long revisionBefore = revisionOf("attachment-and-healing");

        importer.run(null);

        assertThat(revisionOf("attachment-and-healing")).isEqualTo(revisionBefore);
        assertThat(jdbc.sql("select count(*) from article where slug in ('attachment-and-healing', 'healing-through-the-body')")
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from article_version v join article a on a.id = v.article_id "
                + "where a.slug = 'attachment-and-healing'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theSeedsPublicationWasAnnouncedOnKafkaWithoutItsBody() {
        String id = api.get("/api/content/articles/attachment-and-healing", TestTokens.client()).json().get("id").asString();
        try (TopicProbe probe = TopicProbe.fromBeginning(bootstrapServers, Topics.CONTENT_ARTICLES)) {
            var records = probe.awaitRecords(seen -> seen.stream().anyMatch(r -> id.equals(r.key())));
            var record = records.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();

            EventEnvelope<ArticlePublished> event = EventJson.shared().read(record.value(), ArticlePublished.class);
            assertThat(event.type()).isEqualTo("ArticlePublished");
            assertThat(event.payload().slug()).isEqualTo("attachment-and-healing");
            assertThat(event.payload().version()).isEqualTo(1);
            assertThat(event.payload().sections()).extracting(ArticlePublished.Section::anchor)
                    .contains("what-is-attachment", "how-attachment-wounds-show-up");
            assertThat(new String(record.value())).doesNotContain("Difficulty trusting others")
                    .doesNotContain("<p>");
        }
    }

    private long revisionOf(String slug) {
        return jdbc.sql("select revision from article where slug = :slug").param("slug", slug).query(Long.class).single();
    }

    private static JsonNode section(JsonNode article, String anchor) {
        List<JsonNode> matches = article.get("sections").valueStream()
                .filter(section -> anchor.equals(section.get("anchor").asString()))
                .toList();
        assertThat(matches).hasSize(1);
        return matches.get(0);
    }
}
