package org.securebase.portal.accounts;

import org.junit.jupiter.api.Test;
import org.securebase.portal.WebSliceSecurity;
import org.securebase.portal.api.PlatformApi;
import org.securebase.portal.api.Sent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;
import java.util.UUID;

import static org.securebase.portal.WebSliceSecurity.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(AccountsController.class)
@Import({AccountsApi.class, WebSliceSecurity.class})
class AccountsControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PlatformApi api;

    @Test
    void aRefusedInvitationShowsTheReasonAndKeepsWhatWasTyped() throws Exception {
        when(api.post(any(), any(), eq(Accounts.Account.class)))
                .thenReturn(Sent.refused("An account with this email already exists."));

        String html = mvc.perform(post("/accounts").with(as("admin")).with(csrf()).param("email", "kim@example.org")
                        .param("firstName", "Kim").param("lastName", "Lo").param("role", "therapist"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("An account with this email already exists.").contains("value=\"kim@example.org\"")
                .containsPattern("<option value=\"therapist\" selected");
    }

    @Test
    void anInvitationSentGoesHomeWithANotice() throws Exception {
        when(api.post(any(), any(), eq(Accounts.Account.class))).thenReturn(Sent.done(null));

        mvc.perform(post("/accounts").with(as("admin")).with(csrf()).param("email", "kim@example.org")
                        .param("firstName", "Kim").param("lastName", "Lo").param("role", "client"))
                .andExpect(redirectedUrl("/")).andExpect(flash().attribute("notice", "accounts.invited"));
        verify(api).post(any(), eq(new Accounts.Invitation("kim@example.org", "Kim", "Lo", "client", "en")),
                eq(Accounts.Account.class));
    }

    @Test
    void onlyKnownActionsReachTheApi() throws Exception {
        mvc.perform(post("/accounts/" + UUID.randomUUID() + "/delete").with(as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/")).andExpect(flash().attribute("error", "accounts.error.unknownAction"));
        verifyNoInteractions(api);
    }

    @Test
    void onlyAdminsManageAccounts() throws Exception {
        mvc.perform(post("/accounts").with(as("therapist")).with(csrf()).param("email", "kim@example.org")
                        .param("firstName", "Kim").param("lastName", "Lo").param("role", "admin"))
                .andExpect(status().isForbidden());
        verify(api, never()).post(any(), any(), any());
    }

    @Test
    void anInvitationWithProblemsStartsWithASummaryLinkingEachField() throws Exception {
        String html = mvc.perform(post("/accounts").with(as("admin")).with(csrf()).param("email", " ")
                        .param("firstName", "").param("lastName", "Lo").param("role", "client"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"error-summary\" role=\"alert\" tabindex=\"-1\"")
                .contains("<h2 id=\"error-summary-title\">There is a problem</h2>")
                .contains("<a href=\"#email\">").contains("<a href=\"#firstName\">")
                .doesNotContain("<a href=\"#lastName\">")
                .contains("id=\"email-error\"").contains("id=\"firstName-error\"");
        verify(api, never()).post(any(), any(), any());
    }
}
