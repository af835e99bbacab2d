package org.securebase.portal.writing;

import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.securebase.portal.api.Sent;
import org.securebase.portal.api.Tagged;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * content-service's article authoring ({@code /api/content/articles}, for therapists and admins): the catalog by
 * status, creating, and the changes that carry entity tags. Reading an article for editing returns its {@code ETag};
 * every change sends it back in {@code If-Match} (required on PUT; on publish and retract it makes sure what is
 * published is the version the author last saw). A change to an article that is gone is the portal's 404 page.
 */
@Component
class AuthoringApi {

    /** The catalog's largest page: a practice's library is far smaller, and the list says when it is not. */
    static final int CATALOG_PAGE = 100;

    private static final String ARTICLE = "/api/content/articles/{slug}";

    private final PlatformApi api;

    AuthoringApi(PlatformApi api) {
        this.api = api;
    }

    /** Whether a form's entity tag may be sent back (a browser could send anything, line breaks included). */
    static boolean wellFormedEtag(String etag) {
        return Tagged.wellFormed(etag);
    }

    /** The newest articles of one status (draft, published, retracted); an empty page when there are none. */
    Fetched<Writing.Page> catalog(String status) {
        return api.get(uri -> uri.path("/api/content/articles").queryParam("status", status)
                        .queryParam("size", CATALOG_PAGE).build(), Writing.Page.class)
                .map(page -> page.orElse(new Writing.Page(List.of(), 0, CATALOG_PAGE, 0, 0)));
    }

    /** A new draft; content-service derives the slug from the title when the request has none. */
    Sent<Writing.Article> create(Writing.CreateRequest article) {
        return api.post(uri -> uri.path("/api/content/articles").build(), article, Writing.Article.class);
    }

    /** The article with its Markdown and entity tag; empty when it does not exist (or not for this person). */
    Fetched<Optional<Writing.Opened>> open(String slug) {
        return api.getTagged(uri -> uri.path(ARTICLE).build(slug), Writing.Article.class)
                .map(found -> found.map(AuthoringApi::opened));
    }

    /** Replaces the article's content with the whole of {@code content}; a published article publishes it at once. */
    Sent<Writing.Opened> save(String slug, String etag, Writing.UpdateRequest content) {
        return api.sendIfMatch(HttpMethod.PUT, uri -> uri.path(ARTICLE).build(slug), etag, content,
                Writing.Article.class).map(AuthoringApi::opened);
    }

    Sent<Writing.Opened> publish(String slug, String etag) {
        return api.sendIfMatch(HttpMethod.POST, uri -> uri.path(ARTICLE + "/publish").build(slug), etag, null,
                Writing.Article.class).map(AuthoringApi::opened);
    }

    Sent<Writing.Opened> retract(String slug, String etag) {
        return api.sendIfMatch(HttpMethod.POST, uri -> uri.path(ARTICLE + "/retract").build(slug), etag, null,
                Writing.Article.class).map(AuthoringApi::opened);
    }

    private static Writing.Opened opened(Tagged<Writing.Article> tagged) {
        return new Writing.Opened(tagged.value(), tagged.etag());
    }
}
