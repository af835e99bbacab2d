package org.securebase.portal.home;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatcher;
import org.securebase.portal.forms.Dates;
import org.securebase.portal.WebSliceCalls;
import org.securebase.portal.WebSliceSecurity;
import org.securebase.portal.accounts.Accounts;
import org.securebase.portal.accounts.AccountsApi;
import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.securebase.portal.assignment.AssignmentsApi;
import org.securebase.portal.assignment.Homework;
import org.securebase.portal.caseload.AdherenceApi;
import org.securebase.portal.caseload.Caseload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.securebase.portal.measure.Measures;
import org.securebase.portal.measure.MeasuresApi;
import org.securebase.portal.welcome.Welcome;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import static org.securebase.portal.WebSliceSecurity.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(HomeController.class)
@Import({Caseload.class, AdherenceApi.class, AssignmentsApi.class, AccountsApi.class, MeasuresApi.class, Dates.class,
        NavigationAdvice.class, WebSliceSecurity.class, WebSliceCalls.class})
class HomeControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PlatformApi api;

    @MockitoBean
    Welcome welcome;

    static Homework.Summary assignment(String title, boolean overdue, Instant due) {
        return new Homework.Summary(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                new Homework.ArticleRef(UUID.randomUUID(), "slug", title, 1), overdue ? "OPENED" : "ASSIGNED", due,
                overdue, Instant.now(), null, null, null, null, null, false);
    }

    static Homework.Summary withNewFeedback(String title, Instant firstFeedback, Instant newestFeedback) {
        return new Homework.Summary(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                new Homework.ArticleRef(UUID.randomUUID(), "slug", title, 1), "REVIEWED",
                firstFeedback.minus(Duration.ofDays(3)), false, firstFeedback.minus(Duration.ofDays(10)), null,
                firstFeedback.minus(Duration.ofDays(1)), firstFeedback, newestFeedback, newestFeedback, true);
    }

    /** Whether the portal asked journal-service for a list with this query. */
    static ArgumentMatcher<Function<UriBuilder, URI>> listQuery(String query) {
        return uri -> uri != null && query.equals(uri.apply(UriComponentsBuilder.newInstance()).getRawQuery());
    }

    @Test
    void aClientIsWelcomedOnTheirFirstVisitOnly() throws Exception {
        UUID person = UUID.randomUUID();
        when(api.get(any(), eq(Homework.SummaryPage.class)))
                .thenReturn(Fetched.of(Optional.of(new Homework.SummaryPage(List.of(), null))));
        when(api.get(any(), eq(Measures.Instance[].class))).thenReturn(Fetched.of(Optional.of(new Measures.Instance[0])));
        when(welcome.firstVisit(person)).thenReturn(true, false);

        String first = mvc.perform(get("/").with(as("client", person.toString())).locale(java.util.Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String next = mvc.perform(get("/").with(as("client", person.toString())).locale(java.util.Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(first).contains("id=\"welcome\"").contains("Welcome to Secure Base").contains("Private by default.")
                .contains("Administrators see no content.").contains("href=\"/audit\"")
                .contains("href=\"/settings/security\"");
        assertThat(first.indexOf("id=\"welcome\"")).as("above the homework").isLessThan(first.indexOf("id=\"due\""));
        assertThat(next).doesNotContain("id=\"welcome\"").contains("id=\"due\"");
        assertThat(next).as("the footer keeps it one click away").contains("<a id=\"welcome-link\" href=\"/welcome\">");
    }

    @Test
    void theHomePageCarriesTheZoneItsDatesAreInForTheDevicesZoneToBeOffered() throws Exception {
        when(api.get(any(), eq(Homework.SummaryPage.class)))
                .thenReturn(Fetched.of(Optional.of(new Homework.SummaryPage(List.of(), null))));
        when(api.get(any(), eq(Measures.Instance[].class))).thenReturn(Fetched.of(Optional.of(new Measures.Instance[0])));
        org.springframework.mock.web.MockHttpSession session = new org.springframework.mock.web.MockHttpSession();
        session.setAttribute("securebase.reader-zone", "Pacific/Auckland");

        String html = mvc.perform(get("/").with(as("client")).session(session).locale(java.util.Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).containsPattern("<form id=\"zone-suggestion\"[^>]*action=\"/settings/zone\"[^>]*hidden[^>]*"
                        + "data-current=\"Pacific/Auckland\"")
                .contains("Dates are shown in Pacific/Auckland time.")
                .containsPattern("<input type=\"hidden\" name=\"_csrf\"");
    }

    @Test
    void onlyClientsAreWelcomed() throws Exception {
        when(api.get(any(), eq(Measures.Attention[].class))).thenReturn(Fetched.of(Optional.of(new Measures.Attention[0])));
        when(api.get(any(), eq(AdherenceApi.AdherencePage.class))).thenReturn(Fetched.of(Optional.of(
                new AdherenceApi.AdherencePage(List.of(), null))));
        when(api.get(any(), eq(Homework.SummaryPage.class))).thenReturn(Fetched.failed());
        String html = mvc.perform(get("/").with(as("therapist", UUID.randomUUID().toString())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).doesNotContain("id=\"welcome\"").doesNotContain("welcome-link");
        org.mockito.Mockito.verifyNoInteractions(welcome);
    }

    @Test
    void clientSeesOnlyAssignmentsWithFeedbackTheyHaveNotRead() throws Exception {
        Instant first = LocalDate.of(2026, 3, 2).atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant();
        Instant newest = LocalDate.of(2026, 3, 9).atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant();
        when(api.get(argThat(listQuery("status=ASSIGNED&status=OPENED&status=IN_PROGRESS&limit=50")),
                eq(Homework.SummaryPage.class))).thenReturn(Fetched.of(Optional.of(new Homework.SummaryPage(
                List.of(assignment("Due reading", false, Instant.now().plus(Duration.ofDays(2)))), null))));
        when(api.get(argThat(listQuery("status=REVIEWED&unreadFeedback=true&limit=50")),
                eq(Homework.SummaryPage.class))).thenReturn(Fetched.of(Optional.of(new Homework.SummaryPage(
                List.of(withNewFeedback("Reviewed reading", first, newest)), null))));
        when(api.get(argThat(listQuery("status=SUBMITTED&status=REVIEWED&limit=50")),
                eq(Homework.SummaryPage.class))).thenReturn(Fetched.of(Optional.of(new Homework.SummaryPage(
                List.of(withNewFeedback("Reviewed reading", first, newest),
                        withNewFeedback("Earlier reading, feedback read", first, first)), null))));

        when(api.get(any(), eq(Measures.Instance[].class))).thenReturn(Fetched.of(Optional.of(new Measures.Instance[0])));
        String html = mvc.perform(get("/").with(as("client"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        String feedback = html.substring(html.indexOf("id=\"feedback\""), html.indexOf("id=\"done\""));
        assertThat(feedback).contains("New feedback from your therapist").contains("Reviewed reading")
                // The newest feedback's day, not the first one's.
                .contains("feedback given Mon 9 Mar 2026").doesNotContain("Mon 2 Mar 2026")
                .doesNotContain("Due reading").doesNotContain("Earlier reading");
        assertThat(html.substring(0, html.indexOf("id=\"feedback\""))).contains("Due reading");
        // Read feedback leaves "new feedback" but the assignment stays reachable.
        assertThat(html.substring(html.indexOf("id=\"done\""))).contains("Handed in")
                .contains("Earlier reading, feedback read").contains("Reviewed reading").doesNotContain("Due reading");
    }

    @Test
    void clientSeesOverdueHomeworkFirstThenBySoonestDue() throws Exception {
        Instant now = Instant.now();
        Homework.SummaryPage due = new Homework.SummaryPage(List.of(
                assignment("Later reading", false, now.plus(Duration.ofDays(6))),
                assignment("Late reading", true, now.minus(Duration.ofDays(1))),
                assignment("Soon reading", false, now.plus(Duration.ofDays(2)))), null);
        // The page asks for its lists at once: each answer by its query, not by the order of the calls.
        when(api.get(any(), eq(Homework.SummaryPage.class)))
                .thenReturn(Fetched.of(Optional.of(new Homework.SummaryPage(List.of(), null))));
        when(api.get(argThat(listQuery("status=ASSIGNED&status=OPENED&status=IN_PROGRESS&limit=50")),
                eq(Homework.SummaryPage.class))).thenReturn(Fetched.of(Optional.of(due)));

        when(api.get(any(), eq(Measures.Instance[].class))).thenReturn(Fetched.of(Optional.of(new Measures.Instance[0])));
        String html = mvc.perform(get("/").with(as("client"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html.indexOf("Late reading")).isPositive()
                .isLessThan(html.indexOf("Soon reading"));
        assertThat(html.indexOf("Soon reading")).isLessThan(html.indexOf("Later reading"));
        assertThat(html).contains("Overdue").contains("No new feedback.").contains("Who has seen my data");
    }

    @Test
    void clientHomeSaysWhatIsUnavailableAndStillRenders() throws Exception {
        when(api.get(any(), eq(Homework.SummaryPage.class))).thenReturn(Fetched.failed());

        when(api.get(any(), eq(Measures.Instance[].class))).thenReturn(Fetched.of(Optional.of(new Measures.Instance[0])));
        String html = mvc.perform(get("/").with(as("client"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Hello, Sam").contains("Your homework is unavailable right now");
    }

    @Test
    void clientSeesTheQuestionnairesToAnswerAndNotTheSubmittedOnes() throws Exception {
        UUID open = UUID.randomUUID();
        UUID submitted = UUID.randomUUID();
        when(api.get(any(), eq(Homework.SummaryPage.class)))
                .thenReturn(Fetched.of(Optional.of(new Homework.SummaryPage(List.of(), null))));
        when(api.get(any(), eq(Measures.Instance[].class))).thenReturn(Fetched.of(Optional.of(new Measures.Instance[] {
                new Measures.Instance(open, UUID.randomUUID(), UUID.randomUUID(), "phq-9.v1", "PHQ-9", "DUE",
                        Instant.now(), null, Map.of(), null, false, null),
                new Measures.Instance(submitted, UUID.randomUUID(), UUID.randomUUID(), "phq-9.v1", "PHQ-9", "SUBMITTED",
                        Instant.now(), Instant.now(), Map.of(1, 0), null, false, null)})));

        String html = mvc.perform(get("/").with(as("client"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        String section = html.substring(html.indexOf("id=\"measures-due\""), html.indexOf("id=\"feedback\""));
        assertThat(section).contains("Questionnaires to answer").contains("/measures/" + open)
                .doesNotContain("/measures/" + submitted);
    }

    @Test
    void clientHomeSaysWhenQuestionnairesAreUnavailable() throws Exception {
        when(api.get(any(), eq(Homework.SummaryPage.class)))
                .thenReturn(Fetched.of(Optional.of(new Homework.SummaryPage(List.of(), null))));
        when(api.get(any(), eq(Measures.Instance[].class))).thenReturn(Fetched.failed());

        String html = mvc.perform(get("/").with(as("client"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html.substring(html.indexOf("id=\"measures-due\""), html.indexOf("id=\"feedback\"")))
                .contains("Questionnaires are unavailable right now");
    }

    @Test
    void aResultThatNeedsAttentionIsFirstOnTheTherapistsHome() throws Exception {
        UUID flagged = UUID.randomUUID();
        when(api.get(any(), eq(Measures.Attention[].class))).thenReturn(Fetched.of(Optional.of(new Measures.Attention[] {
                new Measures.Attention(flagged, UUID.randomUUID(), "phq-9.v1", "Patient Health Questionnaire (PHQ-9)",
                        Instant.now())})));
        when(api.get(any(), eq(AdherenceApi.AdherencePage.class))).thenReturn(Fetched.of(Optional.of(
                new AdherenceApi.AdherencePage(List.of(), null))));
        when(api.get(any(), eq(Homework.SummaryPage.class))).thenReturn(Fetched.failed());

        String html = mvc.perform(get("/").with(as("therapist"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        int attention = html.indexOf("id=\"attention\"");
        assertThat(attention).isPositive();
        assertThat(attention).isLessThan(html.indexOf("id=\"to-review\""));
        assertThat(html).contains("/measures/" + flagged).contains("Patient Health Questionnaire (PHQ-9)");
    }

    @Test
    void therapistSeesAdherenceWithQuietClientsFlagged() throws Exception {
        Instant now = Instant.now();
        when(api.get(any(), eq(AdherenceApi.AdherencePage.class))).thenReturn(Fetched.of(Optional.of(
                new AdherenceApi.AdherencePage(List.of(
                        new AdherenceApi.Adherence(UUID.randomUUID(), "Quiet Client", 3, 2, 1, 1, now.minus(Duration.ofDays(8)),
                                0, null, List.of()),
                        new AdherenceApi.Adherence(UUID.randomUUID(), "Busy Client", 2, 2, 2, 0, now.minus(Duration.ofDays(1)),
                                2, 2.5, List.of(2, 3)),
                        new AdherenceApi.Adherence(UUID.randomUUID(), "New Client", 0, 0, 0, 0, null, 0, null, List.of())),
                        null))));
        when(api.get(any(), eq(Homework.SummaryPage.class))).thenReturn(Fetched.failed());
        when(api.get(any(), eq(Measures.Attention[].class))).thenReturn(Fetched.of(Optional.of(new Measures.Attention[0])));

        String html = mvc.perform(get("/").with(as("therapist"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).doesNotContain("Needs your attention");
        String quietRow = html.substring(html.indexOf("Quiet Client"), html.indexOf("Busy Client"));
        String busyRow = html.substring(html.indexOf("Busy Client"), html.indexOf("New Client"));
        String newRow = html.substring(html.indexOf("New Client"), html.indexOf("</tbody>"));
        assertThat(quietRow).contains("Quiet for a week").contains("Not rated yet");
        assertThat(busyRow).doesNotContain("Quiet for a week").contains("2.5 over 2 rated (latest: 2 → 3)");
        assertThat(newRow).as("nothing assigned yet: new, not quiet").doesNotContain("Quiet for a week");
        assertThat(html).contains("Your homework is unavailable right now").contains("Assign a reading");
    }

    @Test
    void adminSeesAccounts() throws Exception {
        when(api.get(any(), eq(Accounts.AccountPage.class))).thenReturn(Fetched.of(Optional.of(new Accounts.AccountPage(
                List.of(new Accounts.Account(UUID.randomUUID(), "t@example.org", "Tia", "Lee", "Tia Lee", "therapist",
                        "active", null, null, null, null)), 0, 50, 1, 1))));

        String html = mvc.perform(get("/").with(as("admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Tia Lee").contains("t@example.org").contains("Access audit")
                .doesNotContain("Your homework");
    }
}
