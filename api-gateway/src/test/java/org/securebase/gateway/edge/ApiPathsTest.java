package org.securebase.gateway.edge;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ApiPathsTest {

    private final ApiPaths paths = new ApiPaths(List.of("/api/*/v3/api-docs", "/api/*/v3/api-docs/**"),
            List.of("/api/accounts/notifications/unsubscribe"));

    @ParameterizedTest
    @ValueSource(strings = {"/api/content/articles", "/api/accounts/3f0c/invitation", "/api/content/articles/a%20b",
            "/api/content/v3/api-docs"})
    void canonicalPaths(String rawPath) {
        assertThat(ApiPaths.isCanonical(rawPath)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/accounts/v3/api-docs/../../me", "/api/accounts/./me", "/api/accounts/..",
            "/api//accounts", "/api/accounts/%2e%2e/me", "/api/accounts/%2E/me", "/api/accounts%2fme",
            "/api/accounts%5Cme", "/api/accounts\\me", "/api/accounts;x=1/me", ""})
    void nonCanonicalPaths(String rawPath) {
        assertThat(ApiPaths.isCanonical(rawPath)).isFalse();
    }

    @Test
    void onlyReadingTheDocumentsIsPublic() {
        assertThat(paths.isPublic(request(HttpMethod.GET, "/api/content/v3/api-docs"))).isTrue();
        assertThat(paths.isPublic(request(HttpMethod.HEAD, "/api/journal/v3/api-docs/swagger-config"))).isTrue();
        assertThat(paths.isPublic(request(HttpMethod.POST, "/api/content/v3/api-docs"))).isFalse();
        assertThat(paths.isPublic(request(HttpMethod.GET, "/api/content/articles"))).isFalse();
        assertThat(paths.isPublic(request(HttpMethod.GET, "/api/content/v3/api-docsx"))).isFalse();
    }

    @Test
    void onlyPostingTheUnsubscribeLinkIsPublic() {
        assertThat(paths.isPublic(request(HttpMethod.POST, "/api/accounts/notifications/unsubscribe"))).isTrue();
        assertThat(paths.isPublic(request(HttpMethod.GET, "/api/accounts/notifications/unsubscribe"))).isFalse();
        assertThat(paths.isPublic(request(HttpMethod.PUT, "/api/accounts/notifications/unsubscribe"))).isFalse();
        assertThat(paths.isPublic(request(HttpMethod.POST, "/api/accounts/notifications/unsubscribe/x"))).isFalse();
        assertThat(paths.isPublic(request(HttpMethod.POST, "/api/accounts/me/notifications"))).isFalse();
    }

    @Test
    void whatLiesUnderApi() {
        assertThat(ApiPaths.isUnderApi(request(HttpMethod.GET, "/api"))).isTrue();
        assertThat(ApiPaths.isUnderApi(request(HttpMethod.GET, "/API/x"))).isTrue();
        assertThat(ApiPaths.isUnderApi(request(HttpMethod.GET, "/%61pi/x"))).isTrue();
        assertThat(ApiPaths.isUnderApi(request(HttpMethod.GET, "/apiary"))).isFalse();
        assertThat(ApiPaths.isUnderApi(request(HttpMethod.GET, "/"))).isFalse();
    }

    @Test
    void bearerTokens() {
        assertThat(BearerToken.of(headers()).kind()).isEqualTo(BearerToken.Kind.MISSING);
        assertThat(BearerToken.of(headers("Basic dXNlcjpwYXNz")).kind()).isEqualTo(BearerToken.Kind.MISSING);
        assertThat(BearerToken.of(headers("Bearer abc.def-_~+/.ghi==")).value()).isEqualTo("abc.def-_~+/.ghi==");
        assertThat(BearerToken.of(headers("bearer abc")).value()).isEqualTo("abc");
        assertThat(BearerToken.of(headers("Bearer a b")).kind()).isEqualTo(BearerToken.Kind.MALFORMED);
        assertThat(BearerToken.of(headers("Bearer abc", "Bearer def")).kind()).isEqualTo(BearerToken.Kind.MALFORMED);
        assertThat(BearerToken.of(headers("Bearer ")).kind()).isEqualTo(BearerToken.Kind.MALFORMED);
    }

    private static HttpHeaders headers(String... authorization) {
        HttpHeaders headers = new HttpHeaders();
        for (String value : authorization) {
            headers.add(HttpHeaders.AUTHORIZATION, value);
        }
        return headers;
    }

    private static MockServerHttpRequest request(HttpMethod method, String rawPath) {
        return MockServerHttpRequest.method(method, URI.create("http://localhost" + rawPath)).build();
    }
}
