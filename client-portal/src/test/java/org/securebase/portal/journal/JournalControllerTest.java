package org.securebase.portal.journal;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.securebase.portal.WebSliceSecurity;
import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.securebase.portal.api.Sent;
import org.securebase.portal.forms.Dates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import static org.securebase.portal.WebSliceSecurity.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(JournalController.class)
@Import({JournalApi.class, Dates.class, WebSliceSecurity.class})
class JournalControllerTest {

    static final UUID ID = UUID.randomUUID();
    static final UUID ASSIGNMENT = UUID.randomUUID();
    static final Instant WRITTEN = Instant.parse("2026-03-02T09:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PlatformApi api;

    static Journal.Summary summary(String title, Integer mood, boolean shared, long daysAfter) {
        Instant at = WRITTEN.plusSeconds(daysAfter * 86_400);
        return new Journal.Summary(UUID.randomUUID(), title, mood, null, shared, shared ? at : null, at, at);
    }

    static Journal.Entry entry(boolean shared, long version) {
        return new Journal.Entry(ID, "A hard Monday", "I could not sleep.\nThen it got better.", 2, ASSIGNMENT, shared,
                shared ? WRITTEN : null, WRITTEN, WRITTEN, version);
    }

    /** Where a captured request would go, as the gateway would see it. */
    static URI target(Function<UriBuilder, URI> uri) {
        return uri.apply(UriComponentsBuilder.fromUriString("http://gateway"));
    }

    @SuppressWarnings("unchecked")
    static ArgumentCaptor<Function<UriBuilder, URI>> uris() {
        return ArgumentCaptor.forClass(Function.class);
    }

    // ---- the list and the chart ----

    @Test
    void theJournalListsEntriesWithTheirMoodAndSharingBesideAChartAndTheWriteForm() throws Exception {
        when(api.get(any(), eq(Journal.SummaryPage.class))).thenReturn(Fetched.of(Optional.of(new Journal.SummaryPage(
                List.of(summary("Better today", 4, true, 2), summary("No mood noted", null, false, 1),
                        summary("A hard Monday", 2, false, 0)), "next-page_1"))));

        String html = mvc.perform(get("/journal").with(as("client"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"write-form\"").contains("name=\"body\"").contains("name=\"share\"")
                .contains("Better today").contains("A hard Monday").contains("Mood: 4 – good")
                .contains(">Shared<").contains(">Private<")
                .contains("href=\"/journal?cursor=next-page_1\"");
        // The chart: inline SVG from the server, oldest (mood 2) on the left, with a text alternative.
        assertThat(html).contains("<svg").contains("viewBox=\"0 0 360 200\"").contains("role=\"img\"")
                .contains("<title id=\"mood-chart-title\">Mood over time</title>")
                .contains("points=\"32,126 348,50\"")
                .contains("Mood over the last 2 entries with a mood (2 Mar 2026 to 4 Mar 2026): from 2 to 4, average 3.0.")
                .contains("id=\"mood-table\"");
        // The CSP allows no inline script or style.
        assertThat(html).doesNotContain("style=").doesNotContain("<script>");

        ArgumentCaptor<Function<UriBuilder, URI>> uri = uris();
        verify(api).get(uri.capture(), eq(Journal.SummaryPage.class));
        assertThat(target(uri.getValue()).getPath()).isEqualTo("/api/journal/entries");
        assertThat(target(uri.getValue()).getQuery()).isEqualTo("limit=20");
    }

    @Test
    void anOlderPageAsksForItsCursorAndACursorThatIsNotOneIsNotPassedOn() throws Exception {
        when(api.get(any(), eq(Journal.SummaryPage.class)))
                .thenReturn(Fetched.of(Optional.of(new Journal.SummaryPage(List.of(), null))));

        mvc.perform(get("/journal").param("cursor", "abc-DEF_9").with(as("client"))).andExpect(status().isOk());
        mvc.perform(get("/journal").param("cursor", "x&limit=100").with(as("client"))).andExpect(status().isOk());

        ArgumentCaptor<Function<UriBuilder, URI>> uri = uris();
        verify(api, times(2)).get(uri.capture(), eq(Journal.SummaryPage.class));
        assertThat(target(uri.getAllValues().get(0)).getQuery()).isEqualTo("limit=20&cursor=abc-DEF_9");
        assertThat(target(uri.getAllValues().get(1)).getQuery()).isEqualTo("limit=20");
    }

    @Test
    void withoutMoodsTheChartSaysHowToGetOne() throws Exception {
        when(api.get(any(), eq(Journal.SummaryPage.class))).thenReturn(Fetched.of(Optional.of(
                new Journal.SummaryPage(List.of(summary("Just words", null, false, 0)), null))));

        String html = mvc.perform(get("/journal").with(as("client"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("No mood noted yet.").doesNotContain("<svg").contains("Just words");
    }

    @Test
    void journalServiceDownStillShowsTheWriteForm() throws Exception {
        when(api.get(any(), eq(Journal.SummaryPage.class))).thenReturn(Fetched.failed());

        String html = mvc.perform(get("/journal").with(as("client"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Your journal is unavailable right now.").contains("id=\"write-form\"")
                .doesNotContain("<svg");
    }

    // ---- writing ----

    @Test
    void writingSendsTheEntryAndRedirectsWithANotice() throws Exception {
        when(api.post(any(), any(), eq(Journal.Entry.class))).thenReturn(Sent.done(entry(false, 0)));

        mvc.perform(post("/journal").with(as("client")).with(csrf())
                        .param("title", "").param("body", "  Today was hard.\r\nBut I went out.  ").param("mood", "2"))
                .andExpect(redirectedUrl("/journal"))
                .andExpect(flash().attribute("notice", "journal.written"));

        ArgumentCaptor<Function<UriBuilder, URI>> uri = uris();
        ArgumentCaptor<Object> body = ArgumentCaptor.forClass(Object.class);
        verify(api).post(uri.capture(), body.capture(), eq(Journal.Entry.class));
        assertThat(target(uri.getValue()).getPath()).isEqualTo("/api/journal/entries");
        // No title typed: the first line stands in, as journal-service needs one.
        assertThat(body.getValue()).isEqualTo(
                new Journal.EntryRequest("Today was hard.", "Today was hard.\nBut I went out.", 2, null));
    }

    @Test
    void writingWithShareTickedSharesTheNewEntry() throws Exception {
        when(api.post(any(), any(), eq(Journal.Entry.class))).thenReturn(Sent.done(entry(false, 0)));
        when(api.post(any(), isNull(), eq(Journal.Entry.class))).thenReturn(Sent.done(entry(true, 1)));

        mvc.perform(post("/journal").with(as("client")).with(csrf())
                        .param("title", "For Theo").param("body", "Please read this.").param("mood", "")
                        .param("share", "yes"))
                .andExpect(redirectedUrl("/journal"))
                .andExpect(flash().attribute("notice", "journal.written.shared"));

        ArgumentCaptor<Function<UriBuilder, URI>> uri = uris();
        verify(api).post(uri.capture(), isNull(), eq(Journal.Entry.class));
        assertThat(target(uri.getValue()).getPath()).isEqualTo("/api/journal/entries/" + ID + "/share");
    }

    @Test
    void aShareRefusedAfterWritingSaysWhyAndTheEntryStaysSaved() throws Exception {
        when(api.post(any(), any(), eq(Journal.Entry.class))).thenReturn(Sent.done(entry(false, 0)));
        when(api.post(any(), isNull(), eq(Journal.Entry.class))).thenReturn(
                Sent.refused("You have no therapist at the moment, so there is nobody to share this entry with."));

        mvc.perform(post("/journal").with(as("client")).with(csrf())
                        .param("body", "Please read this.").param("share", "yes"))
                .andExpect(redirectedUrl("/journal"))
                .andExpect(flash().attribute("notice", "journal.written"))
                .andExpect(flash().attribute("problem",
                        "You have no therapist at the moment, so there is nobody to share this entry with."));
    }

    @Test
    void aBlankEntryComesBackWithTheMessageAndTheTitleKeptWithoutCallingTheApi() throws Exception {
        String html = mvc.perform(post("/journal").with(as("client")).with(csrf())
                        .param("title", "Kept title").param("body", "  \r\n ").param("mood", "3"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Write something in your entry before saving.")
                .contains("id=\"body-error\"").contains("aria-describedby=\"body-error body-hint\"")
                .contains("aria-invalid=\"true\"").contains("value=\"Kept title\"")
                .containsPattern("id=\"mood-3\"[^>]*checked")
                .contains("see the marked fields below")
                .as("GOV.UK's error summary: heading, a link to the field").contains("id=\"error-summary\"")
                .contains("<h2 id=\"error-summary-title\">There is a problem</h2>")
                .contains("<a href=\"#body\">Write something in your entry before saving.</a>");
        verifyNoInteractions(api);
    }

    @Test
    void anEntryOverTheServicesLimitComesBackWhole() throws Exception {
        String tooLong = "word ".repeat(4_000) + "the end";

        String html = mvc.perform(post("/journal").with(as("client")).with(csrf()).param("body", tooLong))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("at most 20,000 characters").contains("the end</textarea>");
        verifyNoInteractions(api);
    }

    @Test
    void aTitleOverTheLimitIsExplained() throws Exception {
        String html = mvc.perform(post("/journal").with(as("client")).with(csrf())
                        .param("title", "t".repeat(201)).param("body", "fine"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("The title can be at most 200 characters long.")
                .contains("aria-describedby=\"title-error title-hint\"");
        verifyNoInteractions(api);
    }

    @Test
    void aMoodOffTheScaleIsExplainedAndTheTextKept() throws Exception {
        for (String mood : List.of("0", "6", "-1", "lots", "99999999999")) {
            String html = mvc.perform(post("/journal").with(as("client")).with(csrf())
                            .param("body", "Kept body").param("mood", mood))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

            assertThat(html).as(mood).contains("Choose a mood from 1 to 5").contains("id=\"mood-error\"")
                    .as("the summary links to the first radio of the group, an element that exists")
                    .containsPattern("<a href=\"#mood-none\">Choose a mood from 1 to 5")
                    .contains("id=\"mood-none\"")
                    .contains("Kept body</textarea>");
        }
        verifyNoInteractions(api);
    }

    @Test
    void aRefusalByJournalServiceIsShownWithTheTextKept() throws Exception {
        when(api.post(any(), any(), eq(Journal.Entry.class)))
                .thenReturn(Sent.refused("'assignmentId' does not name one of your assignments"));

        String html = mvc.perform(post("/journal").with(as("client")).with(csrf()).param("body", "My words"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"problem\"").contains("does not name one of your assignments")
                .contains("My words</textarea>");
    }

    @Test
    void journalServiceDownWhileWritingKeepsTheText() throws Exception {
        when(api.post(any(), any(), eq(Journal.Entry.class))).thenReturn(Sent.failed());

        String html = mvc.perform(post("/journal").with(as("client")).with(csrf()).param("body", "My words"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("your entry was not saved").contains("My words</textarea>");
    }

    // ---- one entry ----

    @Test
    void anEntryShowsItsTextAndAnEditFormFilledIn() throws Exception {
        when(api.get(any(), eq(Journal.Entry.class))).thenReturn(Fetched.of(Optional.of(entry(false, 7))));

        String html = mvc.perform(get("/journal/" + ID).with(as("client"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("<h1>A hard Monday</h1>").contains("I could not sleep.\nThen it got better.")
                .contains("Mood: 2 – low").contains("id=\"edit-form\"")
                .contains("name=\"version\" value=\"7\"").containsPattern("id=\"mood-2\"[^>]*checked")
                .contains("action=\"/journal/" + ID + "/share\"").doesNotContain("/unshare\"")
                .contains("href=\"/journal/" + ID + "/delete\"")
                // Sharing is its own button on this page, not a box of the edit form.
                .doesNotContain("name=\"share\"");
    }

    @Test
    void anEntryThatIsNotThereIsA404() throws Exception {
        when(api.get(any(), eq(Journal.Entry.class))).thenReturn(Fetched.of(Optional.empty()));

        mvc.perform(get("/journal/" + ID).with(as("client"))).andExpect(status().isNotFound());
        mvc.perform(get("/journal/" + ID + "/delete").with(as("client"))).andExpect(status().isNotFound());
        mvc.perform(post("/journal/" + ID).with(as("client")).with(csrf()).param("body", "new text"))
                .andExpect(status().isNotFound());
        verify(api, never()).put(any(), any(), any());
    }

    @Test
    void anEntryUnavailableSaysSoWithA503() throws Exception {
        when(api.get(any(), eq(Journal.Entry.class))).thenReturn(Fetched.failed());

        String html = mvc.perform(get("/journal/" + ID).with(as("client"))).andExpect(status().isServiceUnavailable())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("This entry is unavailable right now.").doesNotContain("id=\"edit-form\"");
    }

    @Test
    void savingAnEditReplacesTheEntryKeepingItsLink() throws Exception {
        when(api.get(any(), eq(Journal.Entry.class))).thenReturn(Fetched.of(Optional.of(entry(false, 7))));
        when(api.put(any(), any(), eq(Journal.Entry.class))).thenReturn(Sent.done(entry(false, 8)));

        mvc.perform(post("/journal/" + ID).with(as("client")).with(csrf())
                        .param("title", "Monday, looking back").param("body", "It was less hard.")
                        .param("mood", "3").param("version", "7"))
                .andExpect(redirectedUrl("/journal/" + ID))
                .andExpect(flash().attribute("notice", "journal.saved"));

        ArgumentCaptor<Function<UriBuilder, URI>> uri = uris();
        ArgumentCaptor<Object> body = ArgumentCaptor.forClass(Object.class);
        verify(api).put(uri.capture(), body.capture(), eq(Journal.Entry.class));
        assertThat(target(uri.getValue()).getPath()).isEqualTo("/api/journal/entries/" + ID);
        assertThat(body.getValue()).isEqualTo(
                new Journal.EntryRequest("Monday, looking back", "It was less hard.", 3, ASSIGNMENT));
    }

    @Test
    void anEditWithAMistakeComesBackWithoutCallingTheApi() throws Exception {
        String html = mvc.perform(post("/journal/" + ID).with(as("client")).with(csrf())
                        .param("title", "Mine").param("body", "").param("mood", "7").param("version", "7"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Write something in your entry before saving.").contains("Choose a mood from 1 to 5")
                .contains("value=\"Mine\"").contains("name=\"version\" value=\"7\"")
                .contains("action=\"/journal/" + ID + "\"").contains("Back to the entry without saving");
        verifyNoInteractions(api);
    }

    @Test
    void anEditOfAnEntryChangedMeanwhileIsNotSavedOverIt() throws Exception {
        when(api.get(any(), eq(Journal.Entry.class))).thenReturn(Fetched.of(Optional.of(entry(true, 9))));

        String html = mvc.perform(post("/journal/" + ID).with(as("client")).with(csrf())
                        .param("title", "Mine").param("body", "My newer words").param("version", "7"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("changed somewhere else").contains("My newer words</textarea>")
                .contains("name=\"version\" value=\"9\"");
        verify(api, never()).put(any(), any(), any());
    }

    // ---- sharing and deleting ----

    @Test
    void shareAndUnshareCallTheirPathsAndSayWhatHappened() throws Exception {
        when(api.post(any(), isNull(), eq(Journal.Entry.class))).thenReturn(Sent.done(entry(true, 1)));

        mvc.perform(post("/journal/" + ID + "/share").with(as("client")).with(csrf()))
                .andExpect(redirectedUrl("/journal/" + ID)).andExpect(flash().attribute("notice", "journal.shared"));
        mvc.perform(post("/journal/" + ID + "/unshare").with(as("client")).with(csrf()))
                .andExpect(redirectedUrl("/journal/" + ID)).andExpect(flash().attribute("notice", "journal.unshared"));

        ArgumentCaptor<Function<UriBuilder, URI>> uri = uris();
        verify(api, times(2)).post(uri.capture(), isNull(), eq(Journal.Entry.class));
        assertThat(uri.getAllValues()).extracting(f -> target(f).getPath()).containsExactly(
                "/api/journal/entries/" + ID + "/share", "/api/journal/entries/" + ID + "/unshare");
    }

    @Test
    void aRefusedShareShowsTheReasonOnTheEntry() throws Exception {
        when(api.post(any(), isNull(), eq(Journal.Entry.class))).thenReturn(
                Sent.refused("You have no therapist at the moment, so there is nobody to share this entry with."));
        when(api.get(any(), eq(Journal.Entry.class))).thenReturn(Fetched.of(Optional.of(entry(false, 1))));

        mvc.perform(post("/journal/" + ID + "/share").with(as("client")).with(csrf()))
                .andExpect(redirectedUrl("/journal/" + ID))
                .andExpect(flash().attribute("problem",
                        "You have no therapist at the moment, so there is nobody to share this entry with."));
    }

    @Test
    void sharingAnEntryThatIsNotThereIsA404() throws Exception {
        when(api.post(any(), isNull(), eq(Journal.Entry.class)))
                .thenReturn(Sent.refused("The requested resource does not exist."));
        when(api.get(any(), eq(Journal.Entry.class))).thenReturn(Fetched.of(Optional.empty()));

        mvc.perform(post("/journal/" + ID + "/share").with(as("client")).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void journalServiceDownWhileSharingSaysNothingChanged() throws Exception {
        when(api.post(any(), isNull(), eq(Journal.Entry.class))).thenReturn(Sent.failed());

        mvc.perform(post("/journal/" + ID + "/unshare").with(as("client")).with(csrf()))
                .andExpect(redirectedUrl("/journal/" + ID))
                .andExpect(flash().attribute("error", "journal.error.unavailable.change"));
    }

    @Test
    void deletingAsksFirstOnAPageOfItsOwn() throws Exception {
        when(api.get(any(), eq(Journal.Entry.class))).thenReturn(Fetched.of(Optional.of(entry(false, 1))));

        String html = mvc.perform(get("/journal/" + ID + "/delete").with(as("client"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Do you want to delete the entry “A hard Monday” written Mon 2 Mar 2026?")
                .contains("action=\"/journal/" + ID + "/delete\"").contains("name=\"_csrf\"")
                .contains("href=\"/journal/" + ID + "\"");
        verify(api, never()).delete(any());
    }

    @Test
    void deletingCallsTheEntrysPathAndReturnsToTheList() throws Exception {
        when(api.delete(any())).thenReturn(Sent.done(null));

        mvc.perform(post("/journal/" + ID + "/delete").with(as("client")).with(csrf()))
                .andExpect(redirectedUrl("/journal")).andExpect(flash().attribute("notice", "journal.deleted"));

        ArgumentCaptor<Function<UriBuilder, URI>> uri = uris();
        verify(api).delete(uri.capture());
        assertThat(target(uri.getValue()).getPath()).isEqualTo("/api/journal/entries/" + ID);
    }

    // ---- who may ----

    @Test
    void onlyClientsHaveAJournal() throws Exception {
        mvc.perform(get("/journal").with(as("therapist"))).andExpect(status().isForbidden());
        mvc.perform(get("/journal/" + ID).with(as("admin"))).andExpect(status().isForbidden());
        mvc.perform(post("/journal").with(as("therapist")).with(csrf()).param("body", "not mine"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/journal/" + ID + "/delete").with(as("admin")).with(csrf()))
                .andExpect(status().isForbidden());
        verifyNoInteractions(api);
    }

    @Test
    void changesWithoutTheCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/journal").with(as("client")).param("body", "forged")).andExpect(status().isForbidden());
        mvc.perform(post("/journal/" + ID).with(as("client")).param("body", "forged")).andExpect(status().isForbidden());
        mvc.perform(post("/journal/" + ID + "/share").with(as("client"))).andExpect(status().isForbidden());
        mvc.perform(post("/journal/" + ID + "/delete").with(as("client"))).andExpect(status().isForbidden());
        verifyNoInteractions(api);
    }
}
