package org.securebase.portal.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.securebase.portal.WebSliceSecurity.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.securebase.portal.WebSliceSecurity;
import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.securebase.portal.api.Sent;
import org.securebase.portal.caseload.AdherenceApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(RecordController.class)
@Import({RecordApi.class, AdherenceApi.class, org.securebase.portal.accounts.AccountsApi.class,
        org.securebase.portal.forms.Dates.class, WebSliceSecurity.class})
class RecordControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PlatformApi api;

    /** Unless a test says otherwise, the client has not asked to close their account. */
    @org.junit.jupiter.api.BeforeEach
    void noClosureAsked() {
        when(api.get(any(), eq(org.securebase.portal.accounts.Accounts.Me.class))).thenReturn(Fetched.of(Optional.of(
                new org.securebase.portal.accounts.Accounts.Me("active", "America/New_York", null))));
    }

    private static RecordApi.Export export(String status, Instant expiresAt) {
        Instant now = Instant.now();
        return new RecordApi.Export(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "CLIENT", "en", status,
                "PREPARING".equals(status) ? 4 : 12, 12, now.minusSeconds(60), "PREPARING".equals(status) ? null : now,
                expiresAt, "PREPARING".equals(status) ? null : 34_000L, 0, null);
    }

    @Test
    void aClientSeesACopyBeingPreparedAndAReadyOneToDownload() throws Exception {
        RecordApi.Export preparing = export("PREPARING", null);
        RecordApi.Export ready = export("READY", Instant.now().plus(Duration.ofHours(70)));
        RecordApi.Export lapsed = export("READY", Instant.now().minusSeconds(5));
        when(api.get(any(), eq(RecordApi.ExportPage.class))).thenReturn(Fetched.of(Optional.of(
                new RecordApi.ExportPage(List.of(preparing, ready, lapsed), null))));

        String html = mvc.perform(get("/record").with(as("client"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Prepare a copy of my record")
                .contains("Being prepared: 4 of 12 parts")
                .contains("/record/" + ready.id() + "/download").contains("Download (ZIP, 33 KB)")
                .as("a link past its time is not offered, even before journal-service drops it")
                .doesNotContain("/record/" + lapsed.id() + "/download").contains("The link expired")
                .contains("data-progress-text=\"Being prepared: {done} of {total} parts\"");
    }

    @Test
    void aDownloadOfAnExpiredCopyGoesBackToThePageWithTheReason() throws Exception {
        RecordApi.Export lapsed = export("EXPIRED", Instant.now().minusSeconds(5));
        when(api.get(any(), eq(RecordApi.Export.class))).thenReturn(Fetched.of(Optional.of(lapsed)));

        mvc.perform(get("/record/" + lapsed.id() + "/download").with(as("client")))
                .andExpect(status().isSeeOther()).andExpect(header().string("Location", "/record?failed=expired"));
        verify(api, never()).send(any(), any(), any(), eq(byte[].class));

        when(api.get(any(), eq(RecordApi.ExportPage.class))).thenReturn(Fetched.of(Optional.of(
                new RecordApi.ExportPage(List.of(), null))));
        assertThat(mvc.perform(get("/record?failed=expired").with(as("client"))).andReturn().getResponse()
                .getContentAsString()).contains("That copy&#39;s link expired. Ask for a new copy.");
        assertThat(mvc.perform(get("/record?failed=<script>").with(as("client"))).andReturn().getResponse()
                .getContentAsString()).doesNotContain("&lt;script").doesNotContain("id=\"form-error\"");
    }

    @Test
    void aReadyCopyIsStreamedAsAZipThatNoCacheKeeps() throws Exception {
        RecordApi.Export ready = export("READY", Instant.now().plus(Duration.ofHours(1)));
        when(api.get(any(), eq(RecordApi.Export.class))).thenReturn(Fetched.of(Optional.of(ready)));
        when(api.send(eq(org.springframework.http.HttpMethod.GET), any(), any(), eq(byte[].class)))
                .thenReturn(Sent.done(new byte[] {'P', 'K', 3, 4}));

        mvc.perform(get("/record/" + ready.id() + "/download").with(as("client")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"secure-base-record-" + ready.readyAt().toString().substring(0, 10) + ".zip\""));
    }

    @Test
    void aTherapistAsksForAClientsCopyAndAnAdminHasNone() throws Exception {
        UUID client = UUID.randomUUID();
        when(api.post(any(), any(), eq(RecordApi.Export.class))).thenReturn(Sent.done(export("PREPARING", null)));

        mvc.perform(post("/record").param("clientId", client.toString()).with(csrf()).with(as("therapist")))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/record"));
        verify(api).post(any(), eq(java.util.Map.of("clientId", client.toString(), "language", "en")),
                eq(RecordApi.Export.class));

        mvc.perform(get("/record").with(as("admin"))).andExpect(status().isForbidden());
    }

    @Test
    void aClientAsksToCloseTheirAccountOnlyOnceTheyConfirmAndThenSeesTheRequestWaiting() throws Exception {
        when(api.get(any(), eq(RecordApi.ExportPage.class))).thenReturn(Fetched.of(Optional.of(
                new RecordApi.ExportPage(List.of(), null))));
        assertThat(mvc.perform(get("/record").with(as("client"))).andReturn().getResponse().getContentAsString())
                .contains("id=\"closure-request\"").contains("Ask to close my account");

        mvc.perform(post("/record/closure-request").with(as("client")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        verify(api, never()).send(eq(org.springframework.http.HttpMethod.POST), any(), any(), any());

        when(api.send(eq(org.springframework.http.HttpMethod.POST), any(), any(), eq(Void.class)))
                .thenReturn(Sent.done(null));
        mvc.perform(post("/record/closure-request").with(as("client")).with(csrf()).param("confirmed", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("notice", "record.closure.asked"));
        verify(api).send(eq(org.springframework.http.HttpMethod.POST), any(), any(), eq(Void.class));

        when(api.get(any(), eq(org.securebase.portal.accounts.Accounts.Me.class))).thenReturn(Fetched.of(Optional.of(
                new org.securebase.portal.accounts.Accounts.Me("active", "America/New_York",
                        Instant.parse("2026-11-02T15:00:00Z")))));
        assertThat(mvc.perform(get("/record").with(as("client"))).andReturn().getResponse().getContentAsString())
                .contains("id=\"closure-waiting\"").doesNotContain("id=\"closure-request\"")
                .contains("id=\"closure-withdrawal\"");
        when(api.delete(any())).thenReturn(Sent.done(null));
        mvc.perform(post("/record/closure-request/withdrawal").with(as("client")).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("notice", "record.closure.withdrawn"));
        verify(api).delete(any());
        assertThat(mvc.perform(get("/record").with(as("therapist"))).andReturn().getResponse().getContentAsString())
                .as("a therapist has no account of theirs to close here").doesNotContain("id=\"closure");
        mvc.perform(post("/record/closure-request").with(as("therapist")).with(csrf()).param("confirmed", "true"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aLinkThatClosesBetweenTheCheckAndTheDownloadSaysItExpiredNotThatTheServiceIsDown() throws Exception {
        RecordApi.Export ready = export("READY", Instant.now().plus(Duration.ofHours(1)));
        when(api.get(any(), eq(RecordApi.Export.class))).thenReturn(Fetched.of(Optional.of(ready)));
        when(api.send(eq(org.springframework.http.HttpMethod.GET), any(), any(), eq(byte[].class)))
                .thenReturn(Sent.refused("This copy's link has expired."));

        mvc.perform(get("/record/" + ready.id() + "/download").with(as("client")))
                .andExpect(status().isSeeOther()).andExpect(header().string("Location", "/record?failed=expired"));

        when(api.send(eq(org.springframework.http.HttpMethod.GET), any(), any(), eq(byte[].class)))
                .thenReturn(Sent.failed());
        mvc.perform(get("/record/" + ready.id() + "/download").with(as("client")))
                .andExpect(status().isSeeOther()).andExpect(header().string("Location", "/record?failed=unavailable"));
    }
}
