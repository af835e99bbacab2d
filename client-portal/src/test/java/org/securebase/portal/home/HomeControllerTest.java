package org.securebase.portal.home;

import org.junit.jupiter.api.Test;
import org.securebase.portal.WebSliceSecurity;
import org.securebase.portal.accounts.Accounts;
import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.securebase.portal.assignment.Homework;
import org.securebase.portal.caseload.Caseload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(HomeController.class)
@Import({Caseload.class, Accounts.class, Dates.class, NavigationAdvice.class, WebSliceSecurity.class})
class HomeControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PlatformApi api;

    static RequestPostProcessor as(String role) {
        return oidcLogin().idToken(token -> token.claim("given_name", "Sam").claim("name", "Sam Doe")
                .claim("realm_access", Map.of("roles", List.of(role, "default-roles-securebase"))))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    static Homework.Summary assignment(String title, boolean overdue, Instant due) {
        return new Homework.Summary(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                new Homework.ArticleRef(UUID.randomUUID(), "slug", title, 1), overdue ? "OPENED" : "ASSIGNED", due,
                overdue, Instant.now(), null, null, null, null);
    }

    @Test
    void clientSeesOverdueHomeworkFirstThenBySoonestDue() throws Exception {
        Instant now = Instant.now();
        Homework.SummaryPage due = new Homework.SummaryPage(List.of(
                assignment("Later reading", false, now.plus(Duration.ofDays(6))),
                assignment("Late reading", true, now.minus(Duration.ofDays(1))),
                assignment("Soon reading", false, now.plus(Duration.ofDays(2)))), null);
        when(api.get(any(), eq(Homework.SummaryPage.class)))
                .thenReturn(Fetched.of(Optional.of(due)), Fetched.of(Optional.of(new Homework.SummaryPage(List.of(), null))));

        String html = mvc.perform(get("/").with(as("client"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html.indexOf("Late reading")).isPositive()
                .isLessThan(html.indexOf("Soon reading"));
        assertThat(html.indexOf("Soon reading")).isLessThan(html.indexOf("Later reading"));
        assertThat(html).contains("Overdue").contains("No feedback yet.").contains("Who has seen my data");
    }

    @Test
    void clientHomeSaysWhatIsUnavailableAndStillRenders() throws Exception {
        when(api.get(any(), eq(Homework.SummaryPage.class))).thenReturn(Fetched.failed());

        String html = mvc.perform(get("/").with(as("client"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Hello, Sam").contains("Your homework is unavailable right now");
    }

    @Test
    void therapistSeesAdherenceWithQuietClientsFlagged() throws Exception {
        Instant now = Instant.now();
        when(api.get(any(), eq(Homework.AdherencePage.class))).thenReturn(Fetched.of(Optional.of(
                new Homework.AdherencePage(List.of(
                        new Homework.Adherence(UUID.randomUUID(), "Quiet Client", 3, 2, 1, 1, now.minus(Duration.ofDays(8))),
                        new Homework.Adherence(UUID.randomUUID(), "Busy Client", 2, 2, 2, 0, now.minus(Duration.ofDays(1)))),
                        null))));
        when(api.get(any(), eq(Homework.SummaryPage.class))).thenReturn(Fetched.failed());

        String html = mvc.perform(get("/").with(as("therapist"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        String quietRow = html.substring(html.indexOf("Quiet Client"), html.indexOf("Busy Client"));
        String busyRow = html.substring(html.indexOf("Busy Client"), html.indexOf("</tbody>"));
        assertThat(quietRow).contains("Quiet for a week");
        assertThat(busyRow).doesNotContain("Quiet for a week");
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
