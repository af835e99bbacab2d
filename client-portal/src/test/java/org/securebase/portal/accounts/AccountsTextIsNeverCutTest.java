package org.securebase.portal.accounts;

import org.junit.jupiter.api.Test;
import org.securebase.platform.contracts.AccountLimits;
import org.securebase.portal.WebSliceSecurity;
import org.securebase.portal.api.Sent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.securebase.portal.WebSliceSecurity.as;
import static org.securebase.portal.WrittenText.lineOfLength;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * No name or address in an invitation is ever shortened: values of exactly account-service's limits
 * (platform-contracts) reach the client whole, and one character more is a form error beside the field, with what
 * was typed kept and nothing sent.
 */
@WebMvcTest(AccountsController.class)
@Import(WebSliceSecurity.class)
class AccountsTextIsNeverCutTest {

    static final String DOMAIN = "@example.org";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AccountsApi accounts;

    static String email(int length) {
        return "k".repeat(length - DOMAIN.length()) + DOMAIN;
    }

    @Test
    void anInvitationOfExactlyTheLimitsIsSentWhole() throws Exception {
        when(accounts.invite(any())).thenReturn(Sent.done(null));
        String email = email(AccountLimits.EMAIL);
        String firstName = lineOfLength(AccountLimits.NAME);
        String lastName = lineOfLength(AccountLimits.NAME - 1) + "z";

        mvc.perform(post("/accounts").with(as("admin")).with(csrf()).param("email", email)
                        .param("firstName", firstName).param("lastName", lastName).param("role", "therapist"))
                .andExpect(redirectedUrl("/"));

        verify(accounts).invite(new Accounts.Invitation(email, firstName, lastName, "therapist", "en"));
    }

    @Test
    void anInvitationOverTheLimitsIsExplainedBesideTheFieldsAndNotSent() throws Exception {
        String email = email(AccountLimits.EMAIL + 1);
        String firstName = lineOfLength(AccountLimits.NAME + 1);
        String lastName = lineOfLength(AccountLimits.NAME) + "z";

        String html = mvc.perform(post("/accounts").with(as("admin")).with(csrf()).param("email", email)
                        .param("firstName", firstName).param("lastName", lastName).param("role", "client"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("An email address can be at most 254 characters long.")
                .contains("A first name can be at most 100 characters long.")
                .contains("A last name can be at most 100 characters long.")
                .contains("aria-describedby=\"email-error\"").contains("aria-describedby=\"firstName-error\"")
                .contains("aria-describedby=\"lastName-error\"").contains("aria-invalid=\"true\"")
                .contains("value=\"" + email + "\"").contains("value=\"" + firstName + "\"")
                .contains("value=\"" + lastName + "\"");
        verifyNoInteractions(accounts);
    }
}
