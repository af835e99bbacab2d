package org.securebase.portal.writing;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.securebase.portal.api.Sent;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withServerError;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

class AuthoringApiTest {

    static final String BASE = "http://gateway.test";
    static final String ETAG = "\"0123456789abcdef0123456789abcdef\"";
    static final String ARTICLE = """
            {"id":"9b2f4c1e-0000-4000-8000-000000000001","slug":"healing-through-the-body","title":"Healing",
             "summary":"","language":"es","status":"draft","version":0,"tags":["body"],"readingMinutes":1,
             "series":{"previous":null,"next":{"slug":"next-steps","title":"Next","status":"draft"}},
             "markdown":"# Healing","html":"<h1 id=\\"healing\\">Healing</h1>","sections":[]}
            """;

    MockRestServiceServer server;
    AuthoringApi articles;

    @BeforeEach
    void setUp() {
        RestClient.Builder builder = RestClient.builder().baseUrl(BASE);
        server = MockRestServiceServer.bindTo(builder).build();
        articles = new AuthoringApi(new PlatformApi(builder.build()));
    }

    static HttpHeaders etag(String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(value);
        return headers;
    }

    static final String PAGE = """
            {"items":[{"id":"9b2f4c1e-0000-4000-8000-000000000001","slug":"healing-through-the-body",
             "title":"Healing","summary":"","status":"draft","version":0}],"page":0,"size":100,"totalItems":1,
             "totalPages":1}
            """;

    @Test
    void theCatalogIsAskedForByStatusWithTheLargestPage() {
        for (String status : List.of("draft", "published", "retracted")) {
            server.expect(requestTo(BASE + "/api/content/articles?status=" + status + "&size=100"))
                    .andExpect(method(HttpMethod.GET))
                    .andRespond(withSuccess(PAGE, MediaType.APPLICATION_JSON));
        }

        for (String status : List.of("draft", "published", "retracted")) {
            assertThat(articles.catalog(status).value().items()).extracting(Writing.Summary::slug)
                    .containsExactly("healing-through-the-body");
        }
        server.verify();
    }

    @Test
    void creatingPostsTheDraft() {
        server.expect(requestTo(BASE + "/api/content/articles"))
                .andExpect(method(HttpMethod.POST))
                .andExpect(content().json("""
                        {"slug":null,"title":"Healing","summary":"","language":"es","markdown":"# Healing","tags":["body"],"nextSlug":null}
                        """, org.springframework.test.json.JsonCompareMode.STRICT))
                .andRespond(withStatus(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON).body(ARTICLE));

        Sent<Writing.Article> sent = articles.create(
                new Writing.CreateRequest(null, "Healing", "", "es", "# Healing", List.of("body"), null));

        assertThat(sent.ok()).isTrue();
        assertThat(sent.value().slug()).isEqualTo("healing-through-the-body");
        server.verify();
    }

    @Test
    void opensTheArticleWithItsEntityTag() {
        server.expect(requestTo(BASE + "/api/content/articles/healing-through-the-body"))
                .andExpect(method(HttpMethod.GET))
                .andRespond(withSuccess(ARTICLE, MediaType.APPLICATION_JSON).headers(etag(ETAG)));

        Fetched<Optional<Writing.Opened>> opened = articles.open("healing-through-the-body");

        assertThat(opened.available()).isTrue();
        Writing.Opened found = opened.value().orElseThrow();
        assertThat(found.etag()).isEqualTo(ETAG);
        assertThat(found.article().markdown()).isEqualTo("# Healing");
        assertThat(found.article().nextSlug()).isEqualTo("next-steps");
        assertThat(found.article().tags()).containsExactly("body");
        server.verify();
    }

    @Test
    void aMissingArticleIsEmptyAndAFailingServiceUnavailable() {
        server.expect(requestTo(BASE + "/api/content/articles/gone")).andRespond(withStatus(HttpStatus.NOT_FOUND));
        server.expect(requestTo(BASE + "/api/content/articles/down")).andRespond(withServerError());

        assertThat(articles.open("gone").value()).isEmpty();
        assertThat(articles.open("down").unavailable()).isTrue();
    }

    @Test
    void savingPutsTheWholeContentWithIfMatch() {
        server.expect(requestTo(BASE + "/api/content/articles/healing-through-the-body"))
                .andExpect(method(HttpMethod.PUT))
                .andExpect(header(HttpHeaders.IF_MATCH, ETAG))
                .andExpect(content().json("""
                        {"title":"Healing","summary":"","language":"en","markdown":"New","tags":["body"],"nextSlug":null}
                        """, org.springframework.test.json.JsonCompareMode.STRICT))
                .andRespond(withSuccess(ARTICLE, MediaType.APPLICATION_JSON).headers(etag("\"fresh\"")));

        Sent<Writing.Opened> sent = articles.save("healing-through-the-body", ETAG,
                new Writing.UpdateRequest("Healing", "", "en", "New", List.of("body"), null));

        assertThat(sent.ok()).isTrue();
        assertThat(sent.value().etag()).isEqualTo("\"fresh\"");
        server.verify();
    }

    @Test
    void aStaleSaveIsRefusedWithTheProblemsDetail() {
        server.expect(requestTo(BASE + "/api/content/articles/healing-through-the-body"))
                .andRespond(withStatus(HttpStatus.PRECONDITION_FAILED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body("""
                                {"type":"urn:securebase:problem:precondition-failed","status":412,
                                 "detail":"The resource was changed since you loaded it. Reload it and apply your change again."}
                                """));

        Sent<Writing.Opened> sent = articles.save("healing-through-the-body", ETAG,
                new Writing.UpdateRequest("Healing", "", "en", "New", List.of(), null));

        assertThat(sent.problem()).isEqualTo("The resource was changed since you loaded it. Reload it and apply your change again.");
        assertThat(sent.unavailable()).isFalse();
    }

    @Test
    void publishingAndRetractingSendTheEntityTagTheAuthorSaw() {
        server.expect(requestTo(BASE + "/api/content/articles/healing-through-the-body/publish"))
                .andExpect(method(HttpMethod.POST)).andExpect(header(HttpHeaders.IF_MATCH, ETAG))
                .andRespond(withSuccess(ARTICLE, MediaType.APPLICATION_JSON));
        server.expect(requestTo(BASE + "/api/content/articles/healing-through-the-body/retract"))
                .andExpect(method(HttpMethod.POST)).andExpect(header(HttpHeaders.IF_MATCH, ETAG))
                .andRespond(withStatus(HttpStatus.SERVICE_UNAVAILABLE));

        assertThat(articles.publish("healing-through-the-body", ETAG).ok()).isTrue();
        assertThat(articles.retract("healing-through-the-body", ETAG).unavailable()).isTrue();
        server.verify();
    }

    @Test
    void aChangeToAMissingArticleIsA404AndAnExpiredLoginIsRethrown() {
        server.expect(requestTo(BASE + "/api/content/articles/gone/publish")).andRespond(withStatus(HttpStatus.NOT_FOUND));
        server.expect(requestTo(BASE + "/api/content/articles/mine/publish")).andRespond(withStatus(HttpStatus.UNAUTHORIZED));

        assertThatThrownBy(() -> articles.publish("gone", ETAG)).isInstanceOfSatisfying(ResponseStatusException.class,
                e -> assertThat(e.getStatusCode().value()).isEqualTo(404));
        assertThatThrownBy(() -> articles.publish("mine", ETAG)).isInstanceOf(HttpClientErrorException.Unauthorized.class);
    }

    @Test
    void onlyWellFormedEntityTagsAreSent() {
        assertThat(AuthoringApi.wellFormedEtag(ETAG)).isTrue();
        assertThat(AuthoringApi.wellFormedEtag("W/" + ETAG)).isFalse();
        assertThat(AuthoringApi.wellFormedEtag("*")).isFalse();
        assertThat(AuthoringApi.wellFormedEtag("\"a\"\r\nX-Evil: 1")).isFalse();
        assertThat(AuthoringApi.wellFormedEtag("")).isFalse();
        assertThat(AuthoringApi.wellFormedEtag(null)).isFalse();
    }
}
