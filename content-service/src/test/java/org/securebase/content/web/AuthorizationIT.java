package org.securebase.content.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.content.support.Api;
import org.securebase.content.support.Articles;
import org.securebase.content.support.ContentServiceIntegrationTest;
import org.securebase.content.support.TestTokens;
import org.securebase.platform.web.SecureBaseWebProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * docs/architecture.md's authorization table for articles, with real Keycloak tokens of the demo users: everyone signed in reads
 * published articles, therapists and admins write, publish and retract their own articles, an admin retracts anyone's,
 * clients never see drafts.
 */
@ContentServiceIntegrationTest
class AuthorizationIT {

    @LocalServerPort
    int port;

    @Autowired
    SecureBaseWebProperties web;

    private Api api;
    private Articles articles;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        articles = new Articles(api);
    }

    @Test
    void everyRoleReadsPublishedArticles() {
        for (String token : List.of(TestTokens.client(), TestTokens.therapist(), TestTokens.admin())) {
            assertThat(api.get("/api/content/articles/attachment-and-healing", token).status()).isEqualTo(200);
            assertThat(api.get("/api/content/articles", token).status()).isEqualTo(200);
            assertThat(api.get("/api/content/articles/attachment-and-healing/versions/1", token).status()).isEqualTo(200);
        }
    }

    @Test
    void nobodyReadsWithoutAValidToken() {
        for (String path : List.of("/api/content/articles", "/api/content/articles/attachment-and-healing",
                "/api/content/articles/attachment-and-healing/versions/1")) {
            Api.Response anonymous = api.get(path, null);
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.contentType()).startsWith("application/problem+json");
            assertThat(api.get(path, TestTokens.client() + "x").status()).isEqualTo(401);
        }
    }

    @Test
    void clientsCannotWritePublishOrRetract() {
        String slug = Articles.uniqueSlug("authz");
        articles.createDraft(slug, "Authorization", "Some text.");
        String etag = articles.get(slug, TestTokens.therapist()).header("ETag");
        String client = TestTokens.client();

        assertThat(api.post("/api/content/articles", client,
                Api.json(Articles.body(Articles.uniqueSlug("by-client"), "By a client", "x", List.of()))).status())
                .isEqualTo(403);
        assertThat(api.put("/api/content/articles/" + slug, client,
                Api.json(Articles.body(null, "Changed by a client", "x", List.of())), "If-Match", etag).status())
                .isEqualTo(403);
        assertThat(api.post("/api/content/articles/" + slug + "/publish", client, null).status()).isEqualTo(403);
        assertThat(api.post("/api/content/articles/attachment-and-healing/retract", client, null).status()).isEqualTo(403);
        assertThat(api.post("/api/content/articles", null, "{}").status()).isEqualTo(401);

        JsonNode unchanged = articles.get(slug, TestTokens.therapist()).json();
        assertThat(unchanged.get("status").asString()).isEqualTo("draft");
        assertThat(unchanged.get("title").asString()).isEqualTo("Authorization");
        assertThat(articles.get("attachment-and-healing", client).json().get("status").asString()).isEqualTo("published");
    }

    @Test
    void therapistsAndAdminsWritePublishAndRetract() {
        for (String token : List.of(TestTokens.therapist(), TestTokens.admin())) {
            String slug = Articles.uniqueSlug("author");
            assertThat(api.post("/api/content/articles", token,
                    Api.json(Articles.body(slug, "By an author", "Text.", List.of()))).status()).isEqualTo(201);
            String etag = articles.get(slug, token).header("ETag");
            assertThat(api.put("/api/content/articles/" + slug, token,
                    Api.json(Articles.body(null, "Edited", "Text.", List.of())), "If-Match", etag).status()).isEqualTo(200);
            assertThat(api.post("/api/content/articles/" + slug + "/publish", token, null).status()).isEqualTo(200);
            assertThat(api.post("/api/content/articles/" + slug + "/retract", token, null).status()).isEqualTo(200);
        }
    }

    @Test
    void onlyTheAuthorChangesAnArticleAndAnAdminRetractsAnyones() {
        String otherTherapist = TestTokens.ensureUser("other-author@securebase.test", "therapist", "mfa-exempt");
        String draft = Articles.uniqueSlug("not-yours-draft");
        articles.createDraft(draft, "Mine", "My text.");
        String published = Articles.uniqueSlug("not-yours-published");
        articles.createPublished(published, "Mine too", "My published text.");
        String draftEtag = articles.get(draft, otherTherapist).header("ETag");
        String publishedEtag = articles.get(published, otherTherapist).header("ETag");

        // Another author gets what a slug naming nothing gets, whatever the entity tag says.
        for (String token : List.of(otherTherapist, TestTokens.admin())) {
            Api.Response edit = api.put("/api/content/articles/" + draft, token,
                    Api.json(Articles.body(null, "Taken over", "Their text.", List.of())), "If-Match", draftEtag);
            assertThat(edit.status()).isEqualTo(404);
            assertThat(edit.contentType()).startsWith("application/problem+json");
            assertThat(api.put("/api/content/articles/" + draft, token,
                    Api.json(Articles.body(null, "Taken over", "Their text.", List.of()))).status()).isEqualTo(404);
            assertThat(api.put("/api/content/articles/" + published, token,
                    Api.json(Articles.body(null, "Taken over", "Their text.", List.of())), "If-Match", publishedEtag)
                    .status()).isEqualTo(404);
            assertThat(api.post("/api/content/articles/" + draft + "/publish", token, null).status()).isEqualTo(404);
        }
        assertThat(api.post("/api/content/articles/" + published + "/retract", otherTherapist, null).status())
                .isEqualTo(404);

        JsonNode draftNow = articles.get(draft, TestTokens.therapist()).json();
        assertThat(draftNow.get("status").asString()).isEqualTo("draft");
        assertThat(draftNow.get("title").asString()).isEqualTo("Mine");
        JsonNode publishedNow = articles.get(published, TestTokens.therapist()).json();
        assertThat(publishedNow.get("status").asString()).isEqualTo("published");
        assertThat(publishedNow.get("version").asInt()).isEqualTo(1);
        assertThat(publishedNow.get("title").asString()).isEqualTo("Mine too");

        Api.Response retracted = api.post("/api/content/articles/" + published + "/retract", TestTokens.admin(), null);
        assertThat(retracted.status()).isEqualTo(200);
        assertThat(retracted.json().get("status").asString()).isEqualTo("retracted");
    }

    @Test
    void clientsGet404ForDraftsAndRetractedArticlesSoSlugsCannotBeProbed() {
        String draft = Articles.uniqueSlug("hidden-draft");
        articles.createDraft(draft, "Hidden", "Text.");
        String retracted = Articles.uniqueSlug("hidden-retracted");
        articles.createPublished(retracted, "Retracted", "Text.");
        api.post("/api/content/articles/" + retracted + "/retract", TestTokens.therapist(), null);

        for (String slug : List.of(draft, retracted)) {
            Api.Response hidden = articles.get(slug, TestTokens.client());
            Api.Response missing = articles.get("never-" + slug, TestTokens.client());
            assertThat(hidden.status()).isEqualTo(404);
            assertThat(hidden.json().get("detail")).isEqualTo(missing.json().get("detail"));
            assertThat(api.get("/api/content/articles/" + slug + "/versions", TestTokens.client()).status()).isEqualTo(404);
        }
        assertThat(api.get("/api/content/articles/" + retracted + "/versions/1", TestTokens.client()).status()).isEqualTo(404);
        assertThat(api.get("/api/content/articles?status=retracted", TestTokens.client()).status()).isEqualTo(403);
        assertThat(api.get("/api/content/articles?size=100", TestTokens.client()).json().get("items")
                .findValuesAsString("status")).containsOnly("published");
    }

    @Test
    void theOpenApiDocumentIsPublicAndDocumentsTheLimits() {
        Api.Response docs = api.get("/api/content/v3/api-docs", null);

        assertThat(docs.status()).isEqualTo(200);
        JsonNode openApi = docs.json();
        assertThat(openApi.get("info").get("description").asString())
                .contains(Integer.toString(web.maxBodyBytes()))
                .contains("100000 characters");
        assertThat(openApi.get("paths").propertyNames()).contains("/api/content/articles", "/api/content/articles/{slug}",
                "/api/content/articles/{slug}/versions/{version}", "/api/content/articles/{slug}/publish",
                "/api/content/articles/{slug}/retract");
    }
}
