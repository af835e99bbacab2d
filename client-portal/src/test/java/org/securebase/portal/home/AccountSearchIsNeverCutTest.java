package org.securebase.portal.home;

import org.junit.jupiter.api.Test;
import org.securebase.portal.forms.Dates;
import org.securebase.platform.contracts.AccountLimits;
import org.securebase.portal.WebSliceCalls;
import org.securebase.portal.WebSliceSecurity;
import org.securebase.portal.accounts.AccountsApi;
import org.securebase.portal.api.Fetched;
import org.securebase.portal.assignment.AssignmentsApi;
import org.securebase.portal.caseload.Caseload;
import org.securebase.portal.measure.MeasuresApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.securebase.portal.WebSliceSecurity.as;
import static org.securebase.portal.WrittenText.lineOfLength;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin's account search is never shortened: a name of exactly account-service's limit is searched for whole,
 * one character more is explained beside the field and not searched.
 */
@WebMvcTest(HomeController.class)
@Import({Dates.class, NavigationAdvice.class, WebSliceSecurity.class, WebSliceCalls.class})
class AccountSearchIsNeverCutTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    org.securebase.portal.welcome.Welcome welcome;

    @MockitoBean
    AccountsApi accounts;

    @MockitoBean
    AssignmentsApi assignments;

    @MockitoBean
    MeasuresApi measures;

    @MockitoBean
    Caseload caseload;

    @Test
    void aNameOfExactlyTheLimitIsSearchedForWhole() throws Exception {
        when(accounts.search(anyString())).thenReturn(Fetched.of(List.of()));
        String name = lineOfLength(AccountLimits.NAME_QUERY);

        mvc.perform(get("/").param("name", name).with(as("admin"))).andExpect(status().isOk());

        verify(accounts).search(name);
    }

    @Test
    void aLongerNameIsExplainedBesideTheFieldAndNotSent() throws Exception {
        String name = lineOfLength(AccountLimits.NAME_QUERY + 1);

        String html = mvc.perform(get("/").param("name", name).with(as("admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"name-error\"").contains("A name to search for can be at most 200 characters long.")
                .contains("aria-describedby=\"name-error\"").contains("aria-invalid=\"true\"")
                .contains("value=\"" + name + "\"");
        verifyNoInteractions(accounts);
    }
}
