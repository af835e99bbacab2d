package org.securebase.portal.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
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
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.securebase.portal.WebSliceSecurity;
import org.securebase.portal.accounts.AccountsApi;
import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.Sent;
import org.securebase.portal.library.Articles;
import org.securebase.portal.library.LibraryApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(ProgramController.class)
@Import({org.securebase.portal.forms.Dates.class, WebSliceSecurity.class})
class ProgramControllerTest {

    private static final UUID ARTICLE = UUID.randomUUID();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ProgramsApi programs;

    @MockitoBean
    LibraryApi library;

    @MockitoBean
    AccountsApi accounts;

    @Test
    void aProgramIsBuiltFromTheFilledRowsOnly() throws Exception {
        UUID created = UUID.randomUUID();
        when(programs.create(any())).thenReturn(Sent.done(new Programs.Program(created, "Noticing", "", UUID.randomUUID(),
                Instant.now(), List.of())));

        mvc.perform(post("/programs").with(as("therapist")).with(csrf())
                        .param("title", "Noticing").param("description", "")
                        .param("article-1", ARTICLE.toString()).param("question-1", "What did you notice?")
                        .param("rule-1", "IMMEDIATELY").param("due-1", "7")
                        .param("article-2", ARTICLE.toString()).param("question-2", "And now?")
                        .param("rule-2", "DAYS_AFTER").param("days-2", "3").param("due-2", "5")
                        .param("article-3", "").param("rule-3", "WEEKDAY").param("weekday-3", "MONDAY"))
                .andExpect(redirectedUrl("/programs/" + created));

        ArgumentCaptor<Programs.CreateRequest> sent = ArgumentCaptor.forClass(Programs.CreateRequest.class);
        verify(programs).create(sent.capture());
        assertThat(sent.getValue().steps()).hasSize(2);
        assertThat(sent.getValue().steps().get(1).rule()).isEqualTo(new Programs.Rule("DAYS_AFTER", 3, null));
        assertThat(sent.getValue().steps().get(1).dueDays()).isEqualTo(5);
    }

    @Test
    void aRefusedProgramComesBackWithTheFieldErrorsAndWhatWasTyped() throws Exception {
        when(programs.create(any())).thenReturn(Sent.refused("The request has invalid fields.",
                List.of(new Sent.Violation("steps[0].dueDays", "must be a whole number of days from 1 to 60"))));
        when(library.articlesToAssign()).thenReturn(Fetched.of(List.of(new Articles.Summary(ARTICLE, "attachment",
                "Attachment and Healing", "", "en", "PUBLISHED", 1, List.of(), 5, Instant.now()))));

        String html = mvc.perform(post("/programs").with(as("admin")).with(csrf())
                        .param("title", "Kept title").param("article-1", ARTICLE.toString()).param("due-1", "600"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"error-summary\"").contains("role=\"alert\"")
                .contains("steps[0].dueDays: must be a whole number of days from 1 to 60")
                .contains("value=\"Kept title\"").contains("value=\"600\"");
    }

    @Test
    void onlyPauseResumeAndEndAreChanges() throws Exception {
        mvc.perform(post("/program-enrolments/" + UUID.randomUUID() + "/delete").with(as("therapist")).with(csrf()))
                .andExpect(status().isNotFound());
        verifyNoInteractions(programs);
    }

    @Test
    void clientsHaveNoProgramPages() throws Exception {
        mvc.perform(get("/programs").with(as("client"))).andExpect(status().isForbidden());
        mvc.perform(post("/programs/" + UUID.randomUUID() + "/enrolments").param("client", UUID.randomUUID().toString())
                .with(as("admin")).with(csrf())).andExpect(status().isForbidden());
        verifyNoInteractions(programs);
    }

    @Test
    void theListShowsTheCaseloadsEnrolmentsWithTheirActions() throws Exception {
        UUID client = UUID.randomUUID();
        when(programs.programs()).thenReturn(Fetched.of(List.of(new Programs.Summary(UUID.randomUUID(), "Noticing", "",
                2, Instant.now()))));
        when(programs.enrolments()).thenReturn(Fetched.of(List.of(new Programs.Enrolment(UUID.randomUUID(),
                UUID.randomUUID(), "Noticing", client, UUID.randomUUID(), "PAUSED", 2, 2, null, Instant.now(),
                List.of(new Programs.Delivery(1, UUID.randomUUID(), Instant.now()))))));
        when(accounts.caseload()).thenReturn(Fetched.of(List.of(
                new org.securebase.portal.accounts.Accounts.CaseloadClient(client, "Casey Client", "ACTIVE"))));

        String html = mvc.perform(get("/programs").with(as("therapist"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Casey Client").contains("Paused").contains("1 of 2 steps given")
                .contains("Resume Noticing").doesNotContain("Pause Noticing");
        verify(programs).enrolments();
        verify(accounts).caseload();
    }

    @Test
    void anEnrolmentCarriesTheClientsTimeZoneOrNoneWhenAccountServiceCannotSay() throws Exception {
        UUID program = UUID.randomUUID();
        UUID inAuckland = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        when(accounts.zoneOfClient(inAuckland)).thenReturn(Fetched.of(Optional.of(ZoneId.of("Pacific/Auckland"))));
        when(accounts.zoneOfClient(unknown)).thenReturn(Fetched.failed());
        when(programs.enrol(any(), any())).thenReturn(Sent.done(null));

        mvc.perform(post("/programs/" + program + "/enrolments").param("client", inAuckland.toString())
                .with(as("therapist")).with(csrf())).andExpect(redirectedUrl("/programs"));
        mvc.perform(post("/programs/" + program + "/enrolments").param("client", unknown.toString())
                .param("reason", "Practise noticing").with(as("therapist")).with(csrf()))
                .andExpect(redirectedUrl("/programs"));

        verify(programs).enrol(program, new Programs.EnrolRequest(inAuckland, null, "Pacific/Auckland"));
        verify(programs).enrol(program, new Programs.EnrolRequest(unknown, "Practise noticing", null));
    }
}
