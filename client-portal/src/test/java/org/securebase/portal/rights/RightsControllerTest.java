package org.securebase.portal.rights;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.securebase.platform.contracts.AccountLimits;
import org.securebase.portal.WebSliceSecurity;
import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.securebase.portal.api.Sent;
import org.securebase.portal.record.RecordApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(RightsController.class)
@Import({RightsApi.class, RecordApi.class, org.securebase.portal.forms.Dates.class, WebSliceSecurity.class})
class RightsControllerTest {

    static final UUID CLIENT = UUID.randomUUID();
    static final UUID ADMIN = UUID.randomUUID();
    static final Instant CLOSED = Instant.parse("2026-03-10T14:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PlatformApi api;

    @Test
    void anAdminSeesEveryClosureHoldAndCopyWithWhoAskedAndWhenButNothingOfTheRecord() throws Exception {
        when(api.get(any(), eq(RightsApi.Request[].class))).thenReturn(Fetched.of(Optional.of(new RightsApi.Request[] {
                new RightsApi.Request(UUID.randomUUID(), "closure", CLIENT, "Cleo Closing", CLIENT, "Cleo Closing",
                        CLOSED.minusSeconds(3_600), null, null, null, null, null),
                new RightsApi.Request(UUID.randomUUID(), "closure", CLIENT, "Cleo Closing", CLIENT, "Cleo Closing",
                        CLOSED.minusSeconds(7_200), null, null, null, CLOSED.minusSeconds(7_000), null),
                new RightsApi.Request(UUID.randomUUID(), "legal-hold", CLIENT, "Cleo Closing", ADMIN, "Ada Admin",
                        CLOSED, ADMIN, "Ada Admin", CLOSED.plusSeconds(60), null, "Matter 2026-14")})));
        when(api.get(any(), eq(RecordApi.ExportPage.class))).thenReturn(Fetched.of(Optional.of(new RecordApi.ExportPage(
                List.of(new RecordApi.Export(UUID.randomUUID(), CLIENT, UUID.randomUUID(), "THERAPIST", "en", "READY",
                        9, 9, CLOSED, CLOSED, CLOSED.plusSeconds(3_600), 1_000L, 2, CLOSED.plusSeconds(60))), null))));

        String html = mvc.perform(get("/rights").with(as("admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Closure of the account").contains("Waiting for an admin").contains("Withdrawn by the client")
                .contains("Legal hold").contains("Matter 2026-14").contains("by Ada Admin")
                .contains("Copies of records").contains("Their therapist").contains("2, last on")
                .contains("/rights/" + CLIENT);
        for (String role : List.of("client", "therapist")) {
            mvc.perform(get("/rights").with(as(role))).andExpect(status().isForbidden());
        }
    }

    @Test
    void aClosedClientsPageSaysUntilWhenTheRecordIsKeptAndWhetherAHoldKeepsItLonger() throws Exception {
        RightsApi.Hold hold = new RightsApi.Hold(UUID.randomUUID(), "Matter 2026-14", ADMIN, CLOSED, null, null, true);
        when(api.get(any(), eq(RightsApi.Standing.class))).thenReturn(Fetched.of(Optional.of(new RightsApi.Standing(
                CLIENT, "Cleo Closing", "cleo@example.org", "deactivated", null, CLOSED, 7,
                Instant.parse("2033-03-10T14:00:00Z"), true, false, null, List.of(hold)))));

        String html = mvc.perform(get("/rights/" + CLIENT).param("name", "Someone Else").with(as("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).as("the account's own name, whatever the address says")
                .contains("Data rights of Cleo Closing").doesNotContain("Someone Else")
                .contains("cleo@example.org").contains("kept until").contains("2033")
                .contains("(7 years from the closure)").contains("A legal hold is in force")
                .contains("/rights/" + CLIENT + "/holds/" + hold.id() + "/lifting")
                .as("a closed account is not closed again").doesNotContain("id=\"closure-form\"")
                .contains("data-max-length=\"" + AccountLimits.HOLD_REASON + "\"")
                .as("held: no erasure offered").doesNotContain("id=\"erasure-form\"");

        when(api.get(any(), eq(RightsApi.Standing.class))).thenReturn(Fetched.of(Optional.empty()));
        mvc.perform(get("/rights/" + UUID.randomUUID()).with(as("admin"))).andExpect(status().isNotFound());
    }

    @Test
    void aHoldWithoutAReasonOrAClosureNotConfirmedIsNotSentAndAnAcceptedOneIsSentTrimmed() throws Exception {
        for (String reason : List.of("", "   ", "x".repeat(AccountLimits.HOLD_REASON + 1))) {
            mvc.perform(post("/rights/" + CLIENT + "/holds").with(as("admin")).with(csrf()).param("reason", reason))
                    .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", "rights.hold.error.reason"));
        }
        mvc.perform(post("/rights/" + CLIENT + "/closure").with(as("admin")).with(csrf()))
                .andExpect(flash().attribute("error", "rights.closure.error.unconfirmed"));
        verify(api, never()).post(any(), any(), any());
        verify(api, never()).send(any(), any(), any(), any());

        when(api.post(any(), any(), eq(RightsApi.Hold.class))).thenReturn(Sent.done(null));
        mvc.perform(post("/rights/" + CLIENT + "/holds").with(as("admin")).with(csrf())
                        .param("reason", "  Matter 2026-14 "))
                .andExpect(redirectedUrl("/rights/" + CLIENT))
                .andExpect(flash().attribute("notice", "rights.hold.placed"));
        ArgumentCaptor<Object> body = ArgumentCaptor.forClass(Object.class);
        verify(api).post(any(), body.capture(), eq(RightsApi.Hold.class));
        assertThat(body.getValue()).isEqualTo(Map.of("reason", "Matter 2026-14"));

        when(api.send(eq(HttpMethod.POST), any(), any(), eq(RightsApi.Standing.class)))
                .thenReturn(Sent.refused("This person was deleted in Keycloak; the account can no longer be changed."));
        mvc.perform(post("/rights/" + CLIENT + "/closure").with(as("admin")).with(csrf()).param("confirmed", "true"))
                .andExpect(flash().attribute("problem",
                        "This person was deleted in Keycloak; the account can no longer be changed."));
        mvc.perform(post("/rights/" + CLIENT + "/closure").with(as("therapist")).with(csrf()).param("confirmed", "true"))
                .andExpect(status().isForbidden());
    }

    @Test
    void anErasableClientIsErasedOnlyWhenTheAdminConfirmsAndAnErasedOneIsShownAsSuch() throws Exception {
        when(api.get(any(), eq(RightsApi.Standing.class))).thenReturn(Fetched.of(Optional.of(new RightsApi.Standing(
                CLIENT, "Cleo Closing", "cleo@example.org", "deactivated", null, CLOSED, 7,
                Instant.parse("2033-03-10T14:00:00Z"), false, true, null, List.of()))));
        assertThat(mvc.perform(get("/rights/" + CLIENT).with(as("admin"))).andReturn().getResponse()
                .getContentAsString()).contains("id=\"erasure-form\"").contains("/rights/" + CLIENT + "/erasure");

        mvc.perform(post("/rights/" + CLIENT + "/erasure").with(as("admin")).with(csrf()))
                .andExpect(flash().attribute("error", "rights.erasure.error.unconfirmed"));
        verify(api, never()).send(any(), any(), any(), any());
        when(api.send(eq(HttpMethod.POST), any(), any(), eq(RightsApi.Erasure.class))).thenReturn(Sent.done(null));
        mvc.perform(post("/rights/" + CLIENT + "/erasure").with(as("admin")).with(csrf()).param("confirmed", "true"))
                .andExpect(redirectedUrl("/rights/" + CLIENT))
                .andExpect(flash().attribute("notice", "rights.erasure.done"));
        verify(api).send(eq(HttpMethod.POST), any(), any(), eq(RightsApi.Erasure.class));
        mvc.perform(post("/rights/" + CLIENT + "/erasure").with(as("therapist")).with(csrf()).param("confirmed", "true"))
                .andExpect(status().isForbidden());

        when(api.get(any(), eq(RightsApi.Standing.class))).thenReturn(Fetched.of(Optional.of(new RightsApi.Standing(
                CLIENT, "Erased person", "erased-x@erased.invalid", "deleted", null, CLOSED, 7,
                Instant.parse("2033-03-10T14:00:00Z"), false, false, Instant.parse("2034-01-02T10:00:00Z"), List.of()))));
        assertThat(mvc.perform(get("/rights/" + CLIENT).with(as("admin"))).andReturn().getResponse()
                .getContentAsString()).contains("Erased on").doesNotContain("id=\"erasure-form\"")
                .doesNotContain("id=\"hold-form\"");
    }
}
