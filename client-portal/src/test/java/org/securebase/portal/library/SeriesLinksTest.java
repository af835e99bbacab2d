package org.securebase.portal.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.securebase.portal.WebSliceSecurity.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.securebase.portal.WebSliceSecurity;
import org.securebase.portal.api.Fetched;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The reader shows an article's neighbours in its series, as content-service gives them (an imported series too). */
@WebMvcTest(LibraryController.class)
@Import({ReadingHtml.class, WebSliceSecurity.class})
class SeriesLinksTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    LibraryApi library;

    private static Articles.Article article(Articles.Series series) {
        return new Articles.Article(UUID.randomUUID(), "second-steps", "Second steps", "", "en", "published", 1, List.of(), 1,
                series, Instant.now(), "<p>Middle.</p>", List.of());
    }

    @Test
    void theMiddleOfASeriesLinksToThePreviousAndTheNextArticle() throws Exception {
        when(library.article("second-steps")).thenReturn(Fetched.of(Optional.of(article(new Articles.Series(
                new Articles.Link("first-steps", "First steps", "published"),
                new Articles.Link("third-steps", "Third steps", "published"))))));

        String html = mvc.perform(get("/library/second-steps").with(as("client"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("<nav class=\"series\"")
                .contains("href=\"/library/first-steps\">First steps</a>")
                .contains("href=\"/library/third-steps\">Third steps</a>");
        assertThat(html.indexOf("first-steps")).isLessThan(html.indexOf("third-steps"));
    }

    @Test
    void anArticleOutsideASeriesHasNoSeriesNavigation() throws Exception {
        when(library.article("second-steps")).thenReturn(Fetched.of(Optional.of(article(new Articles.Series(null, null)))));

        String html = mvc.perform(get("/library/second-steps").with(as("client"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).doesNotContain("class=\"series\"");
    }
}
