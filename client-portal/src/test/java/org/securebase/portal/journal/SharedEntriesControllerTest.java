package org.securebase.portal.journal;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.securebase.portal.WebSliceSecurity;
import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.securebase.portal.accounts.Accounts;
import org.securebase.portal.accounts.AccountsApi;
import org.securebase.portal.forms.Dates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
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
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(SharedEntriesController.class)
@Import({JournalApi.class, AccountsApi.class, Dates.class, WebSliceSecurity.class})
class SharedEntriesControllerTest {

    static final UUID CLEO = UUID.randomUUID();
    static final UUID SAM = UUID.randomUUID();
    static final UUID ENTRY = UUID.randomUUID();
    static final Instant SHARED = Instant.parse("2026-03-04T10:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PlatformApi api;

    static URI target(Function<UriBuilder, URI> uri) {
        return uri.apply(UriComponentsBuilder.fromUriString("http://gateway"));
    }

    @SuppressWarnings("unchecked")
    static ArgumentCaptor<Function<UriBuilder, URI>> uris() {
        return ArgumentCaptor.forClass(Function.class);
    }

    void caseload() {
        when(api.get(any(), eq(Accounts.CaseloadClient[].class))).thenReturn(Fetched.of(Optional.of(new Accounts.CaseloadClient[]{
                new Accounts.CaseloadClient(CLEO, "Cleo Client", "ACTIVE"), new Accounts.CaseloadClient(SAM, "Sam Client", "ACTIVE")})));
    }

    @Test
    void aTherapistSeesTheSharedEntriesWithTheClientsNames() throws Exception {
        caseload();
        when(api.get(any(), eq(Journal.SharedPage.class))).thenReturn(Fetched.of(Optional.of(new Journal.SharedPage(
                List.of(new Journal.SharedSummary(ENTRY, CLEO, "For Theo", 3, SHARED, SHARED),
                        new Journal.SharedSummary(UUID.randomUUID(), UUID.randomUUID(), "From someone new", null,
                                SHARED, SHARED)), "more_1"))));

        String html = mvc.perform(get("/shared-entries").with(as("therapist"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("href=\"/shared-entries/" + ENTRY + "\"").contains("For Theo")
                .contains("Shared by Cleo Client on 4 Mar 2026").contains("Mood: 3 – okay")
                // A client the caseload does not name (yet) is still shown, without a name.
                .contains("Shared by your client on").contains("No mood noted")
                .contains("<option value=\"" + SAM + "\">Sam Client</option>")
                .contains("cursor=more_1");

        ArgumentCaptor<Function<UriBuilder, URI>> uri = uris();
        verify(api).get(uri.capture(), eq(Journal.SharedPage.class));
        assertThat(target(uri.getValue()).getPath()).isEqualTo("/api/journal/shared-entries");
        assertThat(target(uri.getValue()).getQuery()).isEqualTo("limit=20");
    }

    @Test
    void theListCanBeNarrowedToOneClient() throws Exception {
        caseload();
        when(api.get(any(), eq(Journal.SharedPage.class)))
                .thenReturn(Fetched.of(Optional.of(new Journal.SharedPage(List.of(), null))));

        String html = mvc.perform(get("/shared-entries").param("client", CLEO.toString()).with(as("therapist")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).containsPattern("value=\"" + CLEO + "\"[^>]*selected")
                .contains("This client has not shared any entries with you.");
        ArgumentCaptor<Function<UriBuilder, URI>> uri = uris();
        verify(api).get(uri.capture(), eq(Journal.SharedPage.class));
        assertThat(target(uri.getValue()).getQuery()).isEqualTo("limit=20&client=" + CLEO);
    }

    @Test
    void aClientFilterThatIsNotAnIdIsExplainedAndNotSent() throws Exception {
        caseload();

        String html = mvc.perform(get("/shared-entries").param("client", "' or 1=1").with(as("therapist")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("That client could not be found.");
        verify(api, never()).get(any(), eq(Journal.SharedPage.class));
    }

    @Test
    void sharedEntriesUnavailableSaysSoAndTheCaseloadStillFilters() throws Exception {
        caseload();
        when(api.get(any(), eq(Journal.SharedPage.class))).thenReturn(Fetched.failed());

        String html = mvc.perform(get("/shared-entries").with(as("therapist"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Shared entries are unavailable right now.").contains("id=\"client-filter\"");
    }

    @Test
    void aSharedEntryIsShownReadOnlyWithItsClient() throws Exception {
        caseload();
        when(api.get(any(), eq(Journal.SharedEntry.class))).thenReturn(Fetched.of(Optional.of(new Journal.SharedEntry(
                ENTRY, CLEO, "For Theo", "I wanted you to know.\nIt went well.", 4, null, SHARED, SHARED, SHARED))));

        String html = mvc.perform(get("/shared-entries/" + ENTRY).with(as("therapist"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("<h1>For Theo</h1>").contains("I wanted you to know.\nIt went well.")
                .contains("Shared by Cleo Client on 4 Mar 2026").contains("Mood: 4 – good")
                .contains("href=\"/shared-entries?client=" + CLEO + "\"")
                .doesNotContain("<textarea").doesNotContain("/journal/" + ENTRY);

        ArgumentCaptor<Function<UriBuilder, URI>> uri = uris();
        verify(api).get(uri.capture(), eq(Journal.SharedEntry.class));
        assertThat(target(uri.getValue()).getPath()).isEqualTo("/api/journal/shared-entries/" + ENTRY);
    }

    @Test
    void anEntryNotSharedWithThisTherapistIsA404() throws Exception {
        when(api.get(any(), eq(Journal.SharedEntry.class))).thenReturn(Fetched.of(Optional.empty()));

        mvc.perform(get("/shared-entries/" + ENTRY).with(as("therapist"))).andExpect(status().isNotFound());
    }

    @Test
    void aSharedEntryUnavailableSaysSo() throws Exception {
        when(api.get(any(), eq(Journal.SharedEntry.class))).thenReturn(Fetched.failed());

        String html = mvc.perform(get("/shared-entries/" + ENTRY).with(as("therapist"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("This entry is unavailable right now.");
    }

    @Test
    void onlyTherapistsReadSharedEntries() throws Exception {
        mvc.perform(get("/shared-entries").with(as("client"))).andExpect(status().isForbidden());
        mvc.perform(get("/shared-entries/" + ENTRY).with(as("admin"))).andExpect(status().isForbidden());
        verifyNoInteractions(api);
    }
}
