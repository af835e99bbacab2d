package org.securebase.portal.writing;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.securebase.platform.contracts.ContentLimits;
import org.securebase.portal.WebSliceSecurity;
import org.securebase.portal.api.Sent;
import org.securebase.portal.forms.Dates;
import org.securebase.portal.library.ReadingHtml;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.securebase.portal.WebSliceSecurity.as;
import static org.securebase.portal.WrittenText.lineOfLength;
import static org.securebase.portal.WrittenText.ofLength;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * No article text is ever shortened: a title, summary and Markdown of exactly content-service's limits
 * (platform-contracts) reach the client whole, and one character more is a form error beside the field, with the text
 * kept and nothing sent, when creating and when saving.
 */
@WebMvcTest(WritingController.class)
@Import({MarkdownPreview.class, ReadingHtml.class, Dates.class, WebSliceSecurity.class})
class WritingTextIsNeverCutTest {

    static final String SLUG = "healing-through-the-body";
    static final String ETAG = "\"0123456789abcdef0123456789abcdef\"";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AuthoringApi articles;

    static Writing.Article article() {
        return new Writing.Article(UUID.randomUUID(), SLUG, "Healing", "", "en", "draft", 0, List.of(), null, Instant.now(),
                null, "# Healing", null);
    }

    @Test
    void anArticleOfExactlyTheLimitsIsCreatedWhole() throws Exception {
        when(articles.create(any())).thenReturn(Sent.done(article()));
        String title = lineOfLength(ContentLimits.TITLE);
        String summary = ofLength(ContentLimits.SUMMARY);
        String markdown = ofLength(ContentLimits.MARKDOWN);

        mvc.perform(post("/writing").with(as("therapist")).with(csrf()).param("slug", SLUG).param("title", title)
                        .param("summary", summary).param("markdown", markdown))
                .andExpect(redirectedUrl("/writing/" + SLUG));

        ArgumentCaptor<Writing.CreateRequest> sent = ArgumentCaptor.forClass(Writing.CreateRequest.class);
        verify(articles).create(sent.capture());
        assertThat(sent.getValue().title()).isEqualTo(title);
        assertThat(sent.getValue().summary()).isEqualTo(summary);
        assertThat(sent.getValue().markdown()).isEqualTo(markdown);
    }

    @Test
    void anArticleOverTheLimitsIsExplainedBesideTheFieldsAndNotCreated() throws Exception {
        String title = lineOfLength(ContentLimits.TITLE + 1);
        String summary = ofLength(ContentLimits.SUMMARY + 1);
        String markdown = ofLength(ContentLimits.MARKDOWN + 1);

        String html = mvc.perform(post("/writing").with(as("therapist")).with(csrf()).param("slug", SLUG)
                        .param("title", title).param("summary", summary).param("markdown", markdown))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("The title may be at most 200 characters long.")
                .contains("The summary may be at most 1,000 characters long.")
                .contains("The text may be at most 100,000 characters long.")
                .contains("aria-describedby=\"title-error\"")
                .contains("aria-describedby=\"summary-hint summary-error\"")
                .contains("aria-describedby=\"markdown-hint markdown-error\"")
                .contains("value=\"" + title + "\"").contains(">" + summary + "</textarea>")
                .contains(">" + markdown + "</textarea>");
        verifyNoInteractions(articles);
    }

    @Test
    void anEditOfExactlyTheLimitsIsSavedWhole() throws Exception {
        when(articles.save(eq(SLUG), eq(ETAG), any())).thenReturn(Sent.done(new Writing.Opened(article(), "\"new\"")));
        String title = lineOfLength(ContentLimits.TITLE);
        String summary = ofLength(ContentLimits.SUMMARY);
        String markdown = ofLength(ContentLimits.MARKDOWN);

        mvc.perform(post("/writing/" + SLUG).with(as("therapist")).with(csrf()).param("etag", ETAG)
                        .param("title", title).param("summary", summary).param("markdown", markdown))
                .andExpect(redirectedUrl("/writing/" + SLUG));

        ArgumentCaptor<Writing.UpdateRequest> sent = ArgumentCaptor.forClass(Writing.UpdateRequest.class);
        verify(articles).save(eq(SLUG), eq(ETAG), sent.capture());
        assertThat(sent.getValue().title()).isEqualTo(title);
        assertThat(sent.getValue().summary()).isEqualTo(summary);
        assertThat(sent.getValue().markdown()).isEqualTo(markdown);
    }

    @Test
    void anEditOverTheLimitsIsExplainedBesideTheFieldsAndNotSaved() throws Exception {
        String title = lineOfLength(ContentLimits.TITLE + 1);
        String summary = ofLength(ContentLimits.SUMMARY + 1);
        String markdown = ofLength(ContentLimits.MARKDOWN + 1);

        String html = mvc.perform(post("/writing/" + SLUG).with(as("therapist")).with(csrf()).param("etag", ETAG)
                        .param("title", title).param("summary", summary).param("markdown", markdown))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"title-error\"").contains("id=\"summary-error\"").contains("id=\"markdown-error\"")
                .contains("value=\"" + title + "\"").contains(">" + summary + "</textarea>")
                .contains(">" + markdown + "</textarea>");
        verifyNoInteractions(articles);
    }
}
