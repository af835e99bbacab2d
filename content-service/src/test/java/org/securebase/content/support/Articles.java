package org.securebase.content.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/** Writing articles through the API the way a therapist would, for test set-up. */
public final class Articles {

    private final Api api;

    public Articles(Api api) {
        this.api = api;
    }

    /** A slug no other test uses. */
    public static String uniqueSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> body(String slug, String title, String markdown, List<String> tags) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (slug != null) {
            body.put("slug", slug);
        }
        body.put("title", title);
        body.put("summary", "Summary of " + title);
        body.put("markdown", markdown);
        body.put("tags", tags);
        return body;
    }

    public JsonNode createDraft(String slug, String title, String markdown, String... tags) {
        Api.Response response = api.post("/api/content/articles", TestTokens.therapist(),
                Api.json(body(slug, title, markdown, List.of(tags))));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    public JsonNode publish(String slug) {
        Api.Response response = api.post("/api/content/articles/" + slug + "/publish", TestTokens.therapist(), null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    public JsonNode createPublished(String slug, String title, String markdown, String... tags) {
        createDraft(slug, title, markdown, tags);
        return publish(slug);
    }

    public Api.Response get(String slug, String token) {
        return api.get("/api/content/articles/" + slug, token);
    }
}
