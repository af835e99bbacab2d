package org.securebase.portal.audit;

import org.junit.jupiter.api.Test;
import org.securebase.portal.WebSliceSecurity;
import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.securebase.portal.WebSliceSecurity.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(AuditController.class)
@Import({AuditApi.class, SecurityEventsApi.class, org.securebase.portal.forms.Dates.class, WebSliceSecurity.class})
class AuditControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PlatformApi api;

    @Test
    void aClientSeesWhoReadWhat() throws Exception {
        when(api.get(any(), eq(AuditApi.ReadPage.class))).thenReturn(Fetched.of(Optional.of(
                new AuditApi.ReadPage(List.of(new AuditApi.Read(1, Instant.now(),
                        new AuditApi.Actor(UUID.randomUUID(), "THERAPIST", "Theo Therapist"), UUID.randomUUID(),
                        "ASSIGNMENT", UUID.randomUUID(), "READ", "req-1")), null))));

        String html = mvc.perform(get("/audit").with(as("client"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Theo Therapist (therapist)").contains("Homework and answers");
    }

    @Test
    void anAdminSeesTheSecurityEventsBesideTheReads() throws Exception {
        UUID person = UUID.randomUUID();
        when(api.get(any(), eq(AuditApi.ReadPage.class))).thenReturn(Fetched.of(Optional.of(new AuditApi.ReadPage(List.of(), null))));
        when(api.get(any(), eq(SecurityEventsApi.SecurityEvents.class))).thenReturn(Fetched.of(Optional.of(
                new SecurityEventsApi.SecurityEvents(List.of(
                        new SecurityEventsApi.SecurityEvent(Instant.now(), "sign_in_failed", person, "Tess Thorne", "therapist",
                                "invalid_user_credentials", "192.0.2.7", "sign-in"),
                        new SecurityEventsApi.SecurityEvent(Instant.now(), "role_granted", person, "Tess Thorne", "therapist",
                                null, "192.0.2.8", "keycloak-console"),
                        new SecurityEventsApi.SecurityEvent(Instant.now(), "something_new", null, null, null,
                                null, "192.0.2.9", "sign-in"))))));

        String html = mvc.perform(get("/audit").with(as("admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Sign-ins and account security")
                .contains("Tess Thorne (therapist)").contains("Failed sign-in").contains("(wrong password)")
                .contains("Role given").contains("in Keycloak&#39;s console").contains("192.0.2.7")
                .as("a kind the portal has no words for yet is still shown").contains("something_new").contains("Unknown name");
    }

    @Test
    void aClientSeesNoSecurityEvents() throws Exception {
        when(api.get(any(), eq(AuditApi.ReadPage.class))).thenReturn(Fetched.of(Optional.of(new AuditApi.ReadPage(List.of(), null))));

        String html = mvc.perform(get("/audit").with(as("client"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).doesNotContain("Sign-ins and account security");
        org.mockito.Mockito.verify(api, org.mockito.Mockito.never()).get(any(), eq(SecurityEventsApi.SecurityEvents.class));
    }

    @Test
    void aFilterThatIsNotAnAccountIdIsExplainedAndNotSent() throws Exception {
        String html = mvc.perform(get("/audit").param("actor", "drop table").with(as("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Enter an account id");
        verifyNoInteractions(api);
    }

    @Test
    void therapistsHaveNoAuditPage() throws Exception {
        mvc.perform(get("/audit").with(as("therapist"))).andExpect(status().isForbidden());
        verifyNoInteractions(api);
    }
}
