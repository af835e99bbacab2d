package org.securebase.portal.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withServerError;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

/** The assignment form lists every published reading, not only the newest page of them. */
class LibraryApiArticlesToAssignTest {

    static final String BASE = "http://gateway.test";
    static final int SIZE = LibraryApi.TO_ASSIGN_PAGE;

    MockRestServiceServer server;
    LibraryApi library;

    @BeforeEach
    void setUp() {
        RestClient.Builder builder = RestClient.builder().baseUrl(BASE);
        server = MockRestServiceServer.bindTo(builder).build();
        library = new LibraryApi(new PlatformApi(builder.build()));
    }

    private static String page(int number, int from, int count, long total) {
        String items = IntStream.range(from, from + count).mapToObj(i -> """
                {"id":"%s","slug":"reading-%d","title":"Reading %d","summary":"s","status":"published","version":1,
                 "tags":[],"readingMinutes":3,"publishedAt":"2026-01-01T00:00:00Z"}"""
                .formatted(new UUID(0, i), i, i)).collect(Collectors.joining(","));
        return """
                {"items":[%s],"page":%d,"size":%d,"totalItems":%d,"totalPages":%d}"""
                .formatted(items, number, SIZE, total, (total + SIZE - 1) / SIZE);
    }

    private void expectPage(int number, String body) {
        server.expect(requestTo(BASE + "/api/content/articles?page=" + number + "&size=" + SIZE))
                .andRespond(withSuccess(body, MediaType.APPLICATION_JSON));
    }

    @Test
    void readsPageAfterPageUntilTheLastSoTheOldestReadingIsOffered() {
        long total = SIZE + SIZE / 2;
        expectPage(0, page(0, 0, SIZE, total));
        expectPage(1, page(1, SIZE, SIZE / 2, total));

        Fetched<List<Articles.Summary>> listed = library.articlesToAssign();

        server.verify();
        assertThat(listed.available()).isTrue();
        assertThat(listed.value()).hasSize((int) total);
        assertThat(listed.value().get(0).slug()).isEqualTo("reading-0");
        assertThat(listed.value().get((int) total - 1).slug()).isEqualTo("reading-" + (total - 1));
    }

    @Test
    void oneCallWhenTheLibraryFitsOnOnePage() {
        expectPage(0, page(0, 0, 3, 3));

        assertThat(library.articlesToAssign().value()).extracting(Articles.Summary::slug)
                .containsExactly("reading-0", "reading-1", "reading-2");
        server.verify();
    }

    @Test
    void aPageThatFailsMakesTheWholeListUnavailableRatherThanShort() {
        long total = 2L * SIZE;
        expectPage(0, page(0, 0, SIZE, total));
        server.expect(requestTo(BASE + "/api/content/articles?page=1&size=" + SIZE)).andRespond(withServerError());

        assertThat(library.articlesToAssign().unavailable()).isTrue();
    }

    @Test
    void stopsAtTheBoundAndTheChosenReadingIsAddedWhenTheListDoesNotReachIt() {
        long total = (long) SIZE * (LibraryApi.TO_ASSIGN_PAGES + 1);
        for (int number = 0; number < LibraryApi.TO_ASSIGN_PAGES; number++) {
            expectPage(number, page(number, number * SIZE, SIZE, total));
        }
        List<Articles.Summary> listed = library.articlesToAssign().value();
        server.verify();
        assertThat(listed).hasSize(SIZE * LibraryApi.TO_ASSIGN_PAGES);

        Articles.Article oldest = new Articles.Article(new UUID(1, 1), "the-oldest", "The oldest", "s", "es", "published", 2,
                List.of(), 4, null, Instant.EPOCH, "<p>x</p>", List.of());
        List<Articles.Summary> offered = LibraryApi.including(listed, oldest);
        assertThat(offered).hasSize(listed.size() + 1);
        assertThat(offered.get(0).slug()).isEqualTo("the-oldest");
        assertThat(offered.get(0).language()).isEqualTo("es");
        assertThat(LibraryApi.including(offered, oldest)).isSameAs(offered);
        assertThat(LibraryApi.including(listed, null)).isSameAs(listed);
    }
}
