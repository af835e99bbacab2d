package org.securebase.portal.writing;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.securebase.portal.WebSliceSecurity;
import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.Sent;
import org.securebase.portal.forms.Dates;
import org.securebase.portal.library.ReadingHtml;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.securebase.portal.WebSliceSecurity.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.http.HttpStatus.NOT_FOUND;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(WritingController.class)
@Import({MarkdownPreview.class, ReadingHtml.class, Dates.class, WebSliceSecurity.class})
class WritingControllerTest {

    static final String ETAG = "\"0123456789abcdef0123456789abcdef\"";
    /** The signed-in author of {@link #article}. */
    static final UUID AUTHOR = UUID.fromString("5b0c6f3e-1d2a-4c8b-9e7f-0a1b2c3d4e5f");
    static final String AUTHOR_ID = AUTHOR.toString();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AuthoringApi articles;

    static Writing.Summary summary(String slug, String title, String status, int version) {
        return new Writing.Summary(UUID.randomUUID(), slug, title, "", status, version, null, Instant.now(), AUTHOR);
    }

    static Writing.Page page(Writing.Summary... items) {
        return new Writing.Page(List.of(items), 0, 100, items.length, 1);
    }

    static Writing.Article article(String status, int version) {
        return article(status, version, AUTHOR);
    }

    static Writing.Article article(String status, int version, UUID author) {
        return new Writing.Article(UUID.randomUUID(), "healing-through-the-body", "Healing Through the Body",
                "How the body keeps score", "en", status, version, List.of("attachment", "body"),
                new Writing.Series(null, new Writing.Link("next-steps", "Next Steps", "draft")), Instant.now(), null,
                "# Healing\n\nThe body *remembers*.", author);
    }

    // ---- the list ----

    @Test
    void listShowsDraftsPublishedAndRetractedWithStatusAndVersion() throws Exception {
        when(articles.catalog("draft")).thenReturn(
                Fetched.of(page(summary("healing-through-the-body", "Healing Through the Body", "draft", 0))));
        when(articles.catalog("published")).thenReturn(
                Fetched.of(page(summary("attachment-and-healing", "Attachment and Healing", "published", 3))));
        when(articles.catalog("retracted")).thenReturn(Fetched.of(page()));

        String html = mvc.perform(get("/writing").with(as("therapist", AUTHOR_ID))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("href=\"/writing/new\"").contains("New article")
                .contains("href=\"/writing/healing-through-the-body\"").contains("Healing Through the Body")
                .contains("Never published")
                .contains("href=\"/writing/attachment-and-healing\"").contains("<td>3</td>")
                .contains("No article is retracted.");
        // The URIs of these three (…?status=draft&size=100 and so on): AuthoringApiTest.
        ArgumentCaptor<String> statuses = ArgumentCaptor.forClass(String.class);
        verify(articles, times(3)).catalog(statuses.capture());
        assertThat(statuses.getAllValues()).containsExactly("draft", "published", "retracted");
    }

    @Test
    void oneUnavailableListLeavesTheOthersOnThePage() throws Exception {
        when(articles.catalog(anyString())).thenReturn(Fetched.failed(),
                Fetched.of(page(summary("attachment-and-healing", "Attachment and Healing", "published", 1))),
                Fetched.of(page()));

        String html = mvc.perform(get("/writing").with(as("therapist", AUTHOR_ID))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("This list is unavailable right now").contains("Attachment and Healing");
    }

    @Test
    void adminsMayWriteTooAsContentServiceAllows() throws Exception {
        when(articles.catalog(anyString())).thenReturn(Fetched.of(page()));

        mvc.perform(get("/writing").with(as("admin", AUTHOR_ID))).andExpect(status().isOk());
    }

    @Test
    void clientsMayNotWrite() throws Exception {
        mvc.perform(get("/writing").with(as("client"))).andExpect(status().isForbidden());
        mvc.perform(get("/writing/new").with(as("client"))).andExpect(status().isForbidden());
        mvc.perform(post("/writing").with(as("client")).with(csrf()).param("title", "T").param("markdown", "Body"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/writing/preview").with(as("client")).with(csrf()).param("markdown", "Body"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/writing/some-article/publish").with(as("client")).with(csrf())
                        .param("etag", ETAG).param("confirm", "yes"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(articles);
    }

    // ---- the editor ----

    @Test
    void newArticleFormHasTheEditorBesideALivePreviewPane() throws Exception {
        String html = mvc.perform(get("/writing/new").with(as("therapist", AUTHOR_ID))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"writing-form\"").contains("action=\"/writing\"")
                .contains("name=\"slug\"").contains("name=\"title\"").contains("name=\"summary\"")
                .contains("name=\"markdown\"").contains("name=\"_csrf\"")
                .contains("data-preview-url=\"/writing/preview\"")
                .contains("id=\"preview\" class=\"reading-body\" lang=\"en\"")
                .contains("<select id=\"language\" name=\"language\"")
                .containsPattern("<option value=\"en\" lang=\"en\"\\s+selected=\"selected\">English</option>")
                .contains("<option value=\"es\" lang=\"es\">Español</option>")
                .contains("name=\"intent\" value=\"preview\"")
                .containsPattern("src=\"/js/writing(-[0-9a-f]{32})?\\.js\" defer")
                .doesNotContain("name=\"action\"").doesNotContain(" style=").doesNotContain("onclick");
    }

    @Test
    void editingLoadsTheMarkdownWithItsEntityTagAndShowsThePreview() throws Exception {
        when(articles.open("healing-through-the-body"))
                .thenReturn(Fetched.of(Optional.of(new Writing.Opened(article("draft", 0), ETAG))));

        String html = mvc.perform(get("/writing/healing-through-the-body").with(as("therapist", AUTHOR_ID)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("action=\"/writing/healing-through-the-body\"")
                .contains("The body *remembers*.")
                .contains("<h1>Healing</h1>").contains("The body <em>remembers</em>.")
                .contains("name=\"etag\" value=\"&quot;0123456789abcdef0123456789abcdef&quot;\"")
                .contains("value=\"attachment, body\"").contains("value=\"next-steps\"")
                .contains("action=\"/writing/healing-through-the-body/publish\"")
                .contains("id=\"publish-unsaved\" hidden")
                .doesNotContain("/retract");
    }

    @Test
    void aPublishedArticleSaysThatSavingPublishesAndOffersRetracting() throws Exception {
        when(articles.open("healing-through-the-body"))
                .thenReturn(Fetched.of(Optional.of(new Writing.Opened(article("published", 2), ETAG))));

        String html = mvc.perform(get("/writing/healing-through-the-body").with(as("therapist", AUTHOR_ID)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Save and publish changes").contains("Published version: 2")
                .contains("action=\"/writing/healing-through-the-body/retract\"")
                .doesNotContain("action=\"/writing/healing-through-the-body/publish\"");
    }

    @Test
    void anotherAuthorsArticleOffersNoFormToChangeItAndAnAdminOnlyRetracting() throws Exception {
        when(articles.open("healing-through-the-body")).thenReturn(
                Fetched.of(Optional.of(new Writing.Opened(article("published", 2, UUID.randomUUID()), ETAG))));

        String forTherapist = mvc.perform(get("/writing/healing-through-the-body").with(as("therapist", AUTHOR_ID)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(forTherapist).contains("id=\"others-article\"").contains("only they can change, publish or retract it")
                .contains("href=\"/library/healing-through-the-body\"")
                .doesNotContain("id=\"writing-form\"").doesNotContain("/publish\"").doesNotContain("/retract\"");

        String forAdmin = mvc.perform(get("/writing/healing-through-the-body").with(as("admin", AUTHOR_ID)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(forAdmin).contains("As an administrator you can withdraw it from the library.")
                .contains("action=\"/writing/healing-through-the-body/retract\"")
                .doesNotContain("id=\"writing-form\"").doesNotContain("/publish\"");
    }

    @Test
    void thePracticesOwnArticleIsEditedByEveryAuthor() throws Exception {
        when(articles.open("healing-through-the-body")).thenReturn(
                Fetched.of(Optional.of(new Writing.Opened(article("draft", 0, new UUID(0, 0)), ETAG))));

        String html = mvc.perform(get("/writing/healing-through-the-body").with(as("therapist", AUTHOR_ID)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"writing-form\"").contains("action=\"/writing/healing-through-the-body/publish\"")
                .doesNotContain("id=\"others-article\"");
    }

    @Test
    void theListSaysWhoWroteEachArticle() throws Exception {
        Writing.Summary mine = summary("mine-article", "Mine", "draft", 0);
        Writing.Summary theirs = new Writing.Summary(UUID.randomUUID(), "their-article", "Theirs", "", "draft", 0, null,
                Instant.now(), UUID.randomUUID());
        when(articles.catalog(anyString())).thenReturn(Fetched.of(page()));
        Writing.Summary seed = new Writing.Summary(UUID.randomUUID(), "seed-article", "Seed", "", "draft", 0, null,
                Instant.now(), new UUID(0, 0));
        when(articles.catalog("draft")).thenReturn(Fetched.of(page(mine, theirs, seed)));

        String html = mvc.perform(get("/writing").with(as("therapist", AUTHOR_ID))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).containsPattern("Mine</a></td>(?s:.*?)<td>You</td>")
                .containsPattern("Seed</a></td>(?s:.*?)<td>The practice \\(any author may change it\\)</td>")
                .containsPattern("Theirs</a></td>(?s:.*?)<td>Another author</td>");
    }

    @Test
    void anArticleContentServiceDoesNotKnowIsA404() throws Exception {
        when(articles.open("gone-article")).thenReturn(Fetched.of(Optional.empty()));

        mvc.perform(get("/writing/gone-article").with(as("therapist", AUTHOR_ID))).andExpect(status().isNotFound());
        mvc.perform(get("/writing/Not_A_Slug").with(as("therapist", AUTHOR_ID))).andExpect(status().isNotFound());
    }

    @Test
    void anUnavailableArticleStillRendersThePageWithAMessage() throws Exception {
        when(articles.open("healing-through-the-body")).thenReturn(Fetched.failed());

        String html = mvc.perform(get("/writing/healing-through-the-body").with(as("therapist", AUTHOR_ID)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("This article is unavailable right now").doesNotContain("id=\"writing-form\"");
    }

    // ---- creating ----

    @Test
    void creatingPostsTheDraftAndRedirectsToItsEditorWithANotice() throws Exception {
        when(articles.create(any())).thenReturn(Sent.done(article("draft", 0)));

        mvc.perform(post("/writing").with(as("therapist", AUTHOR_ID)).with(csrf())
                        .param("slug", "").param("title", "  Healing Through the Body ")
                        .param("summary", "How the body keeps score").param("language", "es")
                        .param("markdown", "# Healing\r\n\r\nText.")
                        .param("tags", "Attachment, body, , attachment").param("nextSlug", "next-steps")
                        .param("intent", "save"))
                .andExpect(redirectedUrl("/writing/healing-through-the-body"))
                .andExpect(flash().attribute("notice", "writing.created"));

        // Sent as POST /api/content/articles: AuthoringApiTest.
        ArgumentCaptor<Writing.CreateRequest> body = ArgumentCaptor.forClass(Writing.CreateRequest.class);
        verify(articles).create(body.capture());
        assertThat(body.getValue()).isEqualTo(new Writing.CreateRequest(null, "Healing Through the Body",
                "How the body keeps score", "es", "# Healing\n\nText.", List.of("attachment", "body"), "next-steps"));
    }

    @Test
    void aBlankTitleOrBodyIsExplainedWithTheTypedTextKeptAndNothingSent() throws Exception {
        String html = mvc.perform(post("/writing").with(as("therapist", AUTHOR_ID)).with(csrf())
                        .param("slug", "my-article").param("title", "   ").param("summary", "Kept summary")
                        .param("markdown", " \n "))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Some fields need your attention")
                .contains("Give the article a title.").contains("Write the text of the article.")
                .contains("aria-describedby=\"title-error\"").contains("id=\"title-error\"")
                .contains("aria-describedby=\"markdown-hint markdown-error\"").contains("aria-invalid=\"true\"")
                .contains("value=\"my-article\"").contains("Kept summary");
        verifyNoInteractions(articles);
    }

    @Test
    void aLanguageTheLibraryCannotIndexIsExplainedAndNothingSent() throws Exception {
        String html = mvc.perform(post("/writing").with(as("therapist", AUTHOR_ID)).with(csrf())
                        .param("title", "Les relations").param("language", "fr").param("markdown", "Texte."))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Choose English or Spanish.")
                .contains("aria-describedby=\"language-hint language-error\"").contains("id=\"language-error\"");
        verifyNoInteractions(articles);
    }

    @Test
    void tooLongTextIsRefusedAtTheServicesLimitsWithoutAnApiCall() throws Exception {
        String html = mvc.perform(post("/writing").with(as("therapist", AUTHOR_ID)).with(csrf())
                        .param("title", "t".repeat(201)).param("markdown", "x".repeat(100_001)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("The title may be at most 200 characters long.")
                .contains("The text may be at most 100,000 characters long.");
        verifyNoInteractions(articles);
    }

    @Test
    void aBadSlugIsExplainedWithoutAnApiCall() throws Exception {
        for (String slug : List.of("Not A Slug", "ab", "double--hyphen", "preview")) {
            String html = mvc.perform(post("/writing").with(as("therapist", AUTHOR_ID)).with(csrf())
                            .param("slug", slug).param("title", "A title").param("markdown", "Body"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(html).as(slug).contains("id=\"slug-error\"").contains("aria-describedby=\"slug-hint slug-error\"");
        }
        verifyNoInteractions(articles);
    }

    @Test
    void theServicesRefusalIsShownWithTheTypedTextKept() throws Exception {
        when(articles.create(any()))
                .thenReturn(Sent.refused("An article with the slug 'my-article' already exists."));

        String html = mvc.perform(post("/writing").with(as("therapist", AUTHOR_ID)).with(csrf())
                        .param("slug", "my-article").param("title", "Mine").param("markdown", "My **own** words"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("An article with the slug &#39;my-article&#39; already exists.")
                .contains("My **own** words").contains("My <strong>own</strong> words");
    }

    @Test
    void anUnavailableServiceIsSaidAndTheTextKept() throws Exception {
        when(articles.create(any())).thenReturn(Sent.failed());

        String html = mvc.perform(post("/writing").with(as("therapist", AUTHOR_ID)).with(csrf())
                        .param("title", "Mine").param("markdown", "My words"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("The library service is unavailable right now; nothing was saved")
                .contains("My words");
    }

    @Test
    void thePreviewButtonRerendersThePageWithThePreviewAndSavesNothing() throws Exception {
        String html = mvc.perform(post("/writing").with(as("therapist", AUTHOR_ID)).with(csrf())
                        .param("title", "").param("markdown", "## Draft heading\n\n- one\n- two").param("intent", "preview"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("<h2>Draft heading</h2>").contains("<li>one</li>")
                .doesNotContain("Give the article a title.");
        verifyNoInteractions(articles);
    }

    @Test
    void creatingWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/writing").with(as("therapist", AUTHOR_ID)).param("title", "Mine").param("markdown", "Words"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/writing/preview").with(as("therapist", AUTHOR_ID)).param("markdown", "Words"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/writing/healing-through-the-body/publish").with(as("therapist", AUTHOR_ID))
                        .param("etag", ETAG).param("confirm", "yes"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(articles);
    }

    // ---- saving, publishing, retracting ----

    @Test
    void savingSendsTheWholeContentWithTheEntityTagAndRedirectsWithANotice() throws Exception {
        when(articles.save(eq("healing-through-the-body"), eq(ETAG), any()))
                .thenReturn(Sent.done(new Writing.Opened(article("draft", 0), "\"new\"")));

        mvc.perform(post("/writing/healing-through-the-body").with(as("therapist", AUTHOR_ID)).with(csrf())
                        .param("etag", ETAG).param("status", "draft").param("version", "0")
                        .param("title", "Healing Through the Body").param("summary", "")
                        .param("markdown", "New text").param("tags", "").param("nextSlug", "")
                        .param("intent", "save"))
                .andExpect(redirectedUrl("/writing/healing-through-the-body"))
                .andExpect(flash().attribute("notice", "writing.saved"));

        verify(articles).save("healing-through-the-body", ETAG,
                new Writing.UpdateRequest("Healing Through the Body", "", "en", "New text", List.of(), null));
    }

    @Test
    void savingAPublishedArticleSaysItWasPublished() throws Exception {
        when(articles.save(anyString(), anyString(), any()))
                .thenReturn(Sent.done(new Writing.Opened(article("published", 3), "\"new\"")));

        mvc.perform(post("/writing/healing-through-the-body").with(as("therapist", AUTHOR_ID)).with(csrf())
                        .param("etag", ETAG).param("status", "published").param("version", "2")
                        .param("title", "Healing").param("markdown", "Changed"))
                .andExpect(flash().attribute("notice", "writing.saved.published"));
    }

    @Test
    void aStaleSaveShowsTheServicesReasonWithTheTextKept() throws Exception {
        when(articles.save(anyString(), anyString(), any())).thenReturn(
                Sent.refused("The resource was changed since you loaded it. Reload it and apply your change again."));

        String html = mvc.perform(post("/writing/healing-through-the-body").with(as("therapist", AUTHOR_ID)).with(csrf())
                        .param("etag", ETAG).param("status", "draft").param("title", "Healing")
                        .param("markdown", "My careful edit"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("The resource was changed since you loaded it.").contains("My careful edit")
                .contains("id=\"publish-unsaved\">You have changes that are not saved yet.")
                .contains("aria-describedby=\"publish-explain publish-unsaved\"");
    }

    @Test
    void savingWithAForgedEntityTagSendsNothing() throws Exception {
        String html = mvc.perform(post("/writing/healing-through-the-body").with(as("therapist", AUTHOR_ID)).with(csrf())
                        .param("etag", "\"x\"\r\nX-Evil: 1").param("title", "Healing").param("markdown", "Text"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("This page is out of date.");
        verify(articles, never()).save(any(), any(), any());
    }

    @Test
    void savingAnArticleThatIsGoneIsA404() throws Exception {
        when(articles.save(anyString(), anyString(), any())).thenThrow(new ResponseStatusException(NOT_FOUND));

        mvc.perform(post("/writing/healing-through-the-body").with(as("therapist", AUTHOR_ID)).with(csrf())
                        .param("etag", ETAG).param("title", "Healing").param("markdown", "Text"))
                .andExpect(status().isNotFound());
    }

    @Test
    void publishingNeedsTheConfirmationThenPublishesTheVersionTheAuthorSaw() throws Exception {
        mvc.perform(post("/writing/healing-through-the-body/publish").with(as("therapist", AUTHOR_ID)).with(csrf())
                        .param("etag", ETAG))
                .andExpect(redirectedUrl("/writing/healing-through-the-body"))
                .andExpect(flash().attribute("error", "writing.error.confirm"));
        verifyNoInteractions(articles);

        when(articles.publish("healing-through-the-body", ETAG))
                .thenReturn(Sent.done(new Writing.Opened(article("published", 1), "\"new\"")));
        mvc.perform(post("/writing/healing-through-the-body/publish").with(as("therapist", AUTHOR_ID)).with(csrf())
                        .param("etag", ETAG).param("confirm", "yes"))
                .andExpect(redirectedUrl("/writing/healing-through-the-body"))
                .andExpect(flash().attribute("notice", "writing.published"));
        verify(articles).publish("healing-through-the-body", ETAG);
    }

    @Test
    void aRefusedOrUnavailablePublishIsReported() throws Exception {
        when(articles.publish(anyString(), anyString()))
                .thenReturn(Sent.refused("An article without a body cannot be published. Write its body first."),
                        Sent.failed());

        mvc.perform(post("/writing/healing-through-the-body/publish").with(as("therapist", AUTHOR_ID)).with(csrf())
                        .param("etag", ETAG).param("confirm", "yes"))
                .andExpect(flash().attribute("problem",
                        "An article without a body cannot be published. Write its body first."));
        mvc.perform(post("/writing/healing-through-the-body/publish").with(as("therapist", AUTHOR_ID)).with(csrf())
                        .param("etag", ETAG).param("confirm", "yes"))
                .andExpect(flash().attribute("error", "writing.error.unavailable"));
    }

    @Test
    void retractingWithdrawsTheArticle() throws Exception {
        when(articles.retract("healing-through-the-body", ETAG))
                .thenReturn(Sent.done(new Writing.Opened(article("retracted", 2), "\"new\"")));

        mvc.perform(post("/writing/healing-through-the-body/retract").with(as("therapist", AUTHOR_ID)).with(csrf())
                        .param("etag", ETAG))
                .andExpect(redirectedUrl("/writing/healing-through-the-body"))
                .andExpect(flash().attribute("notice", "writing.retracted"));
        verify(articles).retract("healing-through-the-body", ETAG);
    }

    // ---- the live preview ----

    @Test
    void thePreviewIsSanitizedHtml() throws Exception {
        String html = mvc.perform(post("/writing/preview").with(as("therapist", AUTHOR_ID)).with(csrf())
                        .param("markdown", "# Title\n\n<script>alert(1)</script>\n\n"
                                + "[click](javascript:alert(2)) <img src=x onerror=alert(3)> **bold**"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("<h1>Title</h1>").contains("<strong>bold</strong>")
                .doesNotContainIgnoringCase("<script").doesNotContain("alert(1)")
                .doesNotContainIgnoringCase("javascript:").doesNotContainIgnoringCase("onerror");
        verifyNoInteractions(articles);
    }

    @Test
    void aTooLongPreviewIsRefusedWithTheReason() throws Exception {
        mvc.perform(post("/writing/preview").with(as("therapist", AUTHOR_ID)).with(csrf()).param("markdown", "x".repeat(100_001)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string("The text is longer than 100,000 characters, so it cannot be previewed or saved."));
    }
}
