package org.securebase.content.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.content.support.Api;
import org.securebase.content.support.Articles;
import org.securebase.content.support.ContentServiceIntegrationTest;
import org.securebase.content.support.TestTokens;
import org.securebase.content.support.TopicProbe;
import org.securebase.platform.events.EventEnvelope;
import org.securebase.platform.events.EventJson;
import org.securebase.platform.events.Topics;
import org.securebase.platform.events.content.ArticlePublished;
import org.securebase.platform.events.content.ArticleRetracted;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Writing, publishing, changing and retracting an article through the API: what each role sees, the
 * versions kept, conditional requests, and the events on Kafka.
 */
@ContentServiceIntegrationTest
class ArticleLifecycleIT {

    private static final String BODY_V1 = """
            Opening words about grounding.

            ## Noticing the Body

            - Feet on the floor
            - Breath in the belly
            """;
    private static final String BODY_V2 = BODY_V1 + "\n## Staying\n\nA second version adds this section.\n";

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    JdbcClient jdbc;

    private Api api;
    private Articles articles;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        articles = new Articles(api);
    }

    @Test
    void aDraftIsInvisibleToClientsUntilPublished() {
        String slug = Articles.uniqueSlug("grounding");
        JsonNode draft = articles.createDraft(slug, "Grounding", BODY_V1, "somatic");

        assertThat(draft.get("status").asString()).isEqualTo("draft");
        assertThat(draft.get("version").asInt()).isZero();
        assertThat(draft.get("authorId").asString()).isEqualTo(TestTokens.subject(TestTokens.therapist()).toString());
        assertThat(articles.get(slug, TestTokens.client()).status()).isEqualTo(404);
        assertThat(api.get("/api/content/articles/" + slug + "/versions", TestTokens.client()).status()).isEqualTo(404);
        assertThat(api.get("/api/content/articles?q=grounding&size=100", TestTokens.client()).json()
                .get("items").findValuesAsString("slug")).doesNotContain(slug);

        JsonNode published = articles.publish(slug);

        assertThat(published.get("status").asString()).isEqualTo("published");
        assertThat(published.get("version").asInt()).isEqualTo(1);
        assertThat(published.get("publishedAt").isNull()).isFalse();
        Api.Response forClient = articles.get(slug, TestTokens.client());
        assertThat(forClient.status()).isEqualTo(200);
        assertThat(forClient.json().get("sections").get(1).get("lists").get(0).get("items")).hasSize(2);
    }

    @Test
    void everyPublishedChangeIsANewVersionAndOldVersionsStayReadable() {
        String slug = Articles.uniqueSlug("versions");
        articles.createPublished(slug, "Versions", BODY_V1);
        String etag = articles.get(slug, TestTokens.therapist()).header("ETag");
        String version1 = "/api/content/articles/" + slug + "/versions/1";
        String v1WhileLatest = api.get(version1, TestTokens.client()).header("ETag");
        assertThat(api.get(version1, TestTokens.client(), "If-None-Match", v1WhileLatest).status()).isEqualTo(304);

        Api.Response changed = api.put("/api/content/articles/" + slug, TestTokens.therapist(),
                Api.json(Articles.body(null, "Versions, revised", BODY_V2, List.of("revised"))), "If-Match", etag);

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("version").asInt()).isEqualTo(2);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);

        Api.Response v1 = api.get(version1, TestTokens.client());
        assertThat(v1.status()).isEqualTo(200);
        assertThat(v1.json().get("title").asString()).isEqualTo("Versions");
        assertThat(v1.json().get("markdown").asString()).isEqualTo(BODY_V1);
        assertThat(v1.json().get("html").asString()).doesNotContain("Staying");
        assertThat(v1.json().get("latest").asBoolean()).isFalse();
        JsonNode v2 = api.get("/api/content/articles/" + slug + "/versions/2", TestTokens.client()).json();
        assertThat(v2.get("html").asString()).contains("Staying");
        assertThat(v2.get("latest").asBoolean()).isTrue();
        assertThat(api.get("/api/content/articles/" + slug + "/versions", TestTokens.client()).json()
                .findValuesAsString("title")).containsExactly("Versions, revised", "Versions");
        assertThat(api.get("/api/content/articles/" + slug + "/versions/3", TestTokens.client()).status()).isEqualTo(404);
        // Version 1 is no longer the latest, so its representation changed: its old tag must not get a 304.
        assertThat(v1.header("ETag")).isNotEqualTo(v1WhileLatest);
        assertThat(api.get(version1, TestTokens.client(), "If-None-Match", v1WhileLatest).status()).isEqualTo(200);
        assertThat(api.get(version1, TestTokens.client(), "If-None-Match", v1.header("ETag")).status()).isEqualTo(304);
        // A version that does not exist is a 404 whatever the tag, even "*".
        assertThat(api.get("/api/content/articles/" + slug + "/versions/3", TestTokens.client(), "If-None-Match", "*")
                .status()).isEqualTo(404);

        // Saving the same content again is no published change: no version, no event.
        long events = eventsOf(changed.json().get("id").asString());
        Api.Response same = api.put("/api/content/articles/" + slug, TestTokens.therapist(),
                Api.json(Articles.body(null, "Versions, revised", BODY_V2, List.of("revised"))), "If-Match",
                changed.header("ETag"));
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().get("version").asInt()).isEqualTo(2);
        assertThat(eventsOf(changed.json().get("id").asString())).isEqualTo(events);
    }

    private long eventsOf(String articleId) {
        return jdbc.sql("select count(*) from event_publication where serialized_event like :id")
                .param("id", "%" + articleId + "%").query(Long.class).single();
    }

    @Test
    void retractingHidesTheArticleFromClientsAndRepublishingBringsItBack() {
        String slug = Articles.uniqueSlug("retract");
        articles.createPublished(slug, "Retract me", BODY_V1);

        Api.Response retracted = api.post("/api/content/articles/" + slug + "/retract", TestTokens.admin(), null);

        assertThat(retracted.status()).isEqualTo(200);
        assertThat(retracted.json().get("status").asString()).isEqualTo("retracted");
        assertThat(articles.get(slug, TestTokens.client()).status()).isEqualTo(404);
        assertThat(api.get("/api/content/articles/" + slug + "/versions/1", TestTokens.client()).status()).isEqualTo(404);
        assertThat(articles.get(slug, TestTokens.therapist()).status()).isEqualTo(200);
        // Retracting again changes nothing.
        assertThat(api.post("/api/content/articles/" + slug + "/retract", TestTokens.admin(), null).status()).isEqualTo(200);

        JsonNode republished = articles.publish(slug);

        // Unchanged content: the same version is current again, no new version is made.
        assertThat(republished.get("version").asInt()).isEqualTo(1);
        assertThat(articles.get(slug, TestTokens.client()).status()).isEqualTo(200);
        assertThat(api.get("/api/content/articles/" + slug + "/versions", TestTokens.client()).json()).hasSize(1);
    }

    @Test
    void readsCarryAnETagAndCacheControlAndAnswer304WhenUnchanged() {
        String slug = Articles.uniqueSlug("etag");
        articles.createPublished(slug, "ETags", BODY_V1);

        Api.Response first = articles.get(slug, TestTokens.client());
        String etag = first.header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(first.header("Cache-Control")).contains("private").contains("max-age=60");
        assertThat(first.header("Vary")).contains("Authorization");

        Api.Response notModified = api.get("/api/content/articles/" + slug, TestTokens.client(), "If-None-Match", etag);
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.header("ETag")).isEqualTo(etag);
        assertThat(api.get("/api/content/articles/" + slug, TestTokens.client(), "If-None-Match", "W/" + etag).status())
                .isEqualTo(304);
        assertThat(api.get("/api/content/articles/" + slug, TestTokens.client(), "If-None-Match", "\"other\"").status())
                .isEqualTo(200);

        // The author's view differs (Markdown, drafts in the series): a different tag, never a false 304.
        Api.Response forAuthor = articles.get(slug, TestTokens.therapist());
        assertThat(forAuthor.header("ETag")).isNotEqualTo(etag);
        assertThat(api.get("/api/content/articles/" + slug, TestTokens.therapist(), "If-None-Match", etag).status())
                .isEqualTo(200);

        String authorTag = forAuthor.header("ETag");
        api.put("/api/content/articles/" + slug, TestTokens.therapist(),
                Api.json(Articles.body(null, "ETags changed", BODY_V1, List.of())), "If-Match", authorTag);
        assertThat(api.get("/api/content/articles/" + slug, TestTokens.client(), "If-None-Match", etag).status())
                .isEqualTo(200);

        Api.Response version = api.get("/api/content/articles/" + slug + "/versions/1", TestTokens.client());
        assertThat(api.get("/api/content/articles/" + slug + "/versions/1", TestTokens.client(), "If-None-Match",
                version.header("ETag")).status()).isEqualTo(304);
    }

    @Test
    void publishingAndRetractingAreAnnouncedOnKafkaKeyedByArticleWithoutTheBody() {
        String slug = Articles.uniqueSlug("events");
        try (TopicProbe probe = TopicProbe.fromNow(bootstrapServers, Topics.CONTENT_ARTICLES)) {
            String id = articles.createPublished(slug, "Events", BODY_V1, "events").get("id").asString();
            api.post("/api/content/articles/" + slug + "/retract", TestTokens.therapist(), null);

            List<ConsumerRecord<String, byte[]>> records = probe.awaitRecords(
                    seen -> seen.stream().filter(r -> id.equals(r.key())).count() >= 2);

            List<ConsumerRecord<String, byte[]>> mine = records.stream().filter(r -> id.equals(r.key())).toList();
            assertThat(mine).hasSize(2);
            EventEnvelope<ArticlePublished> published = EventJson.shared().read(mine.get(0).value(), ArticlePublished.class);
            assertThat(published.type()).isEqualTo("ArticlePublished");
            assertThat(published.schemaVersion()).isEqualTo(1);
            assertThat(published.aggregateId().toString()).isEqualTo(id);
            assertThat(published.payload().slug()).isEqualTo(slug);
            assertThat(published.payload().title()).isEqualTo("Events");
            assertThat(published.payload().summary()).isEqualTo("Summary of Events");
            assertThat(published.payload().version()).isEqualTo(1);
            assertThat(published.payload().tags()).containsExactly("events");
            assertThat(published.payload().sections()).extracting(ArticlePublished.Section::anchor, ArticlePublished.Section::heading)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("introduction", null),
                            org.assertj.core.groups.Tuple.tuple("noticing-the-body", "Noticing the Body"));
            ArticlePublished.ListRef list = published.payload().sections().get(1).lists().get(0);
            assertThat(list.id()).isEqualTo("noticing-the-body-list-1");
            assertThat(list.itemIds()).hasSize(2);
            String json = new String(mine.get(0).value());
            assertThat(json).doesNotContain("Feet on the floor").doesNotContain("Opening words").doesNotContain("html");

            EventEnvelope<ArticleRetracted> retracted = EventJson.shared().read(mine.get(1).value(), ArticleRetracted.class);
            assertThat(retracted.type()).isEqualTo("ArticleRetracted");
            assertThat(retracted.payload().version()).isEqualTo(1);
            assertThat(retracted.eventId()).isNotEqualTo(published.eventId());
        }
    }

    @Test
    void seriesLinksPointBothWays() {
        String first = Articles.uniqueSlug("part-one");
        String second = Articles.uniqueSlug("part-two");
        articles.createPublished(second, "Part two", BODY_V1);
        Map<String, Object> body = Articles.body(first, "Part one", BODY_V1, List.of());
        body.put("nextSlug", second);
        assertThat(api.post("/api/content/articles", TestTokens.therapist(), Api.json(body)).status()).isEqualTo(201);
        articles.publish(first);

        assertThat(articles.get(first, TestTokens.client()).json().get("series").get("next").get("slug").asString())
                .isEqualTo(second);
        assertThat(articles.get(second, TestTokens.client()).json().get("series").get("previous").get("slug").asString())
                .isEqualTo(first);

        // A second article cannot claim the same successor.
        Map<String, Object> rival = Articles.body(Articles.uniqueSlug("rival"), "Rival", BODY_V1, List.of());
        rival.put("nextSlug", second);
        assertThat(api.post("/api/content/articles", TestTokens.therapist(), Api.json(rival)).status()).isEqualTo(409);
    }
}
