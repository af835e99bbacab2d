package org.securebase.portal.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.securebase.portal.WebSliceSecurity.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.securebase.portal.WebSliceSecurity;
import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.securebase.portal.api.Sent;
import org.securebase.portal.assignment.Homework;
import org.securebase.portal.journal.Journal;
import org.securebase.portal.library.LibraryApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(AgendaController.class)
@Import({AgendaApi.class, org.securebase.portal.forms.Dates.class, WebSliceSecurity.class})
class AgendaControllerTest {

    private static final UUID CLIENT = UUID.randomUUID();
    private static final Instant GENERATED = Instant.parse("2026-12-01T10:15:30.123456Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PlatformApi api;

    @MockitoBean
    LibraryApi library;

    private static Agenda agenda() {
        UUID assignment = UUID.randomUUID();
        Homework.ArticleRef article = new Homework.ArticleRef(UUID.randomUUID(), "attachment-and-healing",
                "Attachment and Healing", 1);
        Homework.Prompt prompt = new Homework.Prompt(UUID.randomUUID(), 1, "TEXT", "What did you notice?", null, null,
                new Homework.Answer(UUID.randomUUID(), "I went quiet at dinner.", null, null, GENERATED));
        Homework.Assignment handedIn = new Homework.Assignment(assignment, CLIENT, UUID.randomUUID(), article,
                "SUBMITTED", null, "To notice the pattern", null,
                new Homework.Plan("After dinner on Tuesday", null, null, null, GENERATED), null, GENERATED, false, GENERATED,
                GENERATED, GENERATED, null, GENERATED, false, List.of(prompt));
        Journal.SharedEntry entry = new Journal.SharedEntry(UUID.randomUUID(), CLIENT, "Sunday",
                "Called my sister.", 3, null, GENERATED, GENERATED, GENERATED);
        return new Agenda(CLIENT, "Casey Client", null, GENERATED, List.of(handedIn), List.of(), List.of(entry),
                List.of(new Agenda.MeasureResult(UUID.randomUUID(), "phq-9.v1", "PHQ-9", GENERATED, 12, 27,
                        "Moderate", -3, -5, "NONE", false)), List.of());
    }

    @Test
    void theTherapistSeesWhatHappenedAndCanMarkItReviewed() throws Exception {
        when(api.get(any(), eq(Agenda.class))).thenReturn(Fetched.of(Optional.of(agenda())));
        when(api.get(any(), eq(Agenda.Review[].class))).thenReturn(Fetched.of(Optional.of(new Agenda.Review[0])));

        String html = mvc.perform(get("/clients/" + CLIENT + "/agenda").with(as("therapist")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Review agenda: Casey Client").contains("I went quiet at dinner.")
                .contains("After dinner on Tuesday").contains("To notice the pattern").contains("Called my sister.")
                .contains("12 of 27, Moderate").contains("(-3 since the previous result)")
                .contains("name=\"through\" value=\"2026-12-01T10:15:30.123456Z\"")
                .contains("you have not marked this agenda reviewed yet").doesNotContain("Nothing new");
    }

    @Test
    void thePrintableViewHasTheContentButNoFormOrNavigation() throws Exception {
        when(api.get(any(), eq(Agenda.class))).thenReturn(Fetched.of(Optional.of(agenda())));
        when(api.get(any(), eq(Agenda.Review[].class))).thenReturn(Fetched.of(Optional.of(new Agenda.Review[0])));

        String html = mvc.perform(get("/clients/" + CLIENT + "/agenda/print").with(as("therapist")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("I went quiet at dinner.").doesNotContain("agenda-reviewed\"")
                .doesNotContain("site-nav");
    }

    @Test
    void someoneElsesClientIsNotFound() throws Exception {
        when(api.get(any(), eq(Agenda.class))).thenReturn(Fetched.of(Optional.empty()));

        mvc.perform(get("/clients/" + CLIENT + "/agenda").with(as("therapist"))).andExpect(status().isNotFound());
    }

    @Test
    void markingReviewedSendsTheAgendasOwnTime() throws Exception {
        when(api.post(any(), any(), eq(Agenda.Review.class)))
                .thenReturn(Sent.done(new Agenda.Review(CLIENT, GENERATED, GENERATED)));

        mvc.perform(post("/clients/" + CLIENT + "/agenda/reviewed").param("through", GENERATED.toString())
                        .with(as("therapist")).with(csrf()))
                .andExpect(redirectedUrl("/clients/" + CLIENT + "/agenda"));

        verify(api).post(any(), eq(new Agenda.ReviewedRequest(GENERATED)), eq(Agenda.Review.class));
    }

    @Test
    void anUnreadableTimeIsNotSent() throws Exception {
        mvc.perform(post("/clients/" + CLIENT + "/agenda/reviewed").param("through", "yesterday")
                        .with(as("therapist")).with(csrf()))
                .andExpect(redirectedUrl("/clients/" + CLIENT + "/agenda"));

        verify(api, never()).post(any(), any(), eq(Agenda.Review.class));
    }

    @Test
    void clientsAndAdminsHaveNoAgenda() throws Exception {
        mvc.perform(get("/clients/" + CLIENT + "/agenda").with(as("client"))).andExpect(status().isForbidden());
        mvc.perform(get("/clients/" + CLIENT + "/agenda").with(as("admin"))).andExpect(status().isForbidden());
        verifyNoInteractions(api);
    }
}
