package org.securebase.portal.journal;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.securebase.platform.contracts.JournalLimits;
import org.securebase.portal.WebSliceSecurity;
import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.Sent;
import org.securebase.portal.forms.Dates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
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
 * No journal entry is ever shortened: a title and a text of exactly journal-service's limits (platform-contracts)
 * reach the client whole, and one character more is a form error beside the field, with the text kept and nothing
 * sent, when writing and when editing.
 */
@WebMvcTest(JournalController.class)
@Import({Dates.class, WebSliceSecurity.class})
class JournalTextIsNeverCutTest {

    static final UUID ID = UUID.randomUUID();
    static final Instant WRITTEN = Instant.parse("2026-03-02T09:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    JournalApi journal;

    static Journal.Entry entry(long version) {
        return new Journal.Entry(ID, "A hard Monday", "I could not sleep.", 2, null, false, null, WRITTEN, WRITTEN,
                version);
    }

    @Test
    void anEntryOfExactlyTheLimitsIsWrittenWhole() throws Exception {
        when(journal.write(any())).thenReturn(Sent.done(entry(0)));
        String title = lineOfLength(JournalLimits.TITLE);
        String body = ofLength(JournalLimits.ENTRY_BODY);

        mvc.perform(post("/journal").with(as("client")).with(csrf()).param("title", title).param("body", body))
                .andExpect(redirectedUrl("/journal"));

        ArgumentCaptor<Journal.EntryRequest> sent = ArgumentCaptor.forClass(Journal.EntryRequest.class);
        verify(journal).write(sent.capture());
        assertThat(sent.getValue().title()).isEqualTo(title);
        assertThat(sent.getValue().body()).isEqualTo(body);
    }

    @Test
    void anEntryOverTheLimitsIsExplainedBesideTheFieldsAndNotWritten() throws Exception {
        String title = lineOfLength(JournalLimits.TITLE + 1);
        String body = ofLength(JournalLimits.ENTRY_BODY + 1);

        String html = mvc.perform(post("/journal").with(as("client")).with(csrf()).param("title", title)
                        .param("body", body))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"title-error\"").contains("The title can be at most 200 characters long.")
                .contains("aria-describedby=\"title-error title-hint\"")
                .contains("id=\"body-error\"").contains("Your entry can be at most 20,000 characters long.")
                .contains("aria-describedby=\"body-error body-hint\"").contains("aria-invalid=\"true\"")
                .contains("value=\"" + title + "\"").contains(">" + body + "</textarea>");
        verifyNoInteractions(journal);
    }

    @Test
    void anEditOfExactlyTheLimitsIsSavedWhole() throws Exception {
        when(journal.entry(ID)).thenReturn(Fetched.of(Optional.of(entry(7))));
        when(journal.replace(eq(ID), any())).thenReturn(Sent.done(entry(8)));
        String title = lineOfLength(JournalLimits.TITLE);
        String body = ofLength(JournalLimits.ENTRY_BODY);

        mvc.perform(post("/journal/" + ID).with(as("client")).with(csrf()).param("title", title).param("body", body)
                        .param("version", "7"))
                .andExpect(redirectedUrl("/journal/" + ID));

        ArgumentCaptor<Journal.EntryRequest> sent = ArgumentCaptor.forClass(Journal.EntryRequest.class);
        verify(journal).replace(eq(ID), sent.capture());
        assertThat(sent.getValue().title()).isEqualTo(title);
        assertThat(sent.getValue().body()).isEqualTo(body);
    }

    @Test
    void anEditOverTheLimitsIsExplainedBesideTheFieldsAndNotSaved() throws Exception {
        String title = lineOfLength(JournalLimits.TITLE + 1);
        String body = ofLength(JournalLimits.ENTRY_BODY + 1);

        String html = mvc.perform(post("/journal/" + ID).with(as("client")).with(csrf()).param("title", title)
                        .param("body", body).param("version", "7"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"title-error\"").contains("id=\"body-error\"")
                .contains("value=\"" + title + "\"").contains(">" + body + "</textarea>");
        verify(journal, never()).replace(any(), any());
    }
}
