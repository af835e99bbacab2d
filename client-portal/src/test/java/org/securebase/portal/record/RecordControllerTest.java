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
@Import({RecordApi.class, AdherenceApi.class, org.securebase.portal.forms.Dates.class, WebSliceSecurity.class})
class RecordControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PlatformApi api;

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
        verify(api, never()).get(any(), eq(byte[].class));

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
        when(api.get(any(), eq(byte[].class))).thenReturn(Fetched.of(Optional.of(new byte[] {'P', 'K', 3, 4})));

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
}
