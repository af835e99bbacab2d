package org.securebase.portal.settings;

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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.securebase.portal.WebSliceSecurity;
import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.securebase.portal.api.PublicApi;
import org.securebase.portal.api.Sent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The notification settings page over a PlatformApi stand-in: the view's values, the PUT it sends, the API's refusals. */
@WebMvcTest(SettingsController.class)
@Import({NotificationsApi.class, WebSliceSecurity.class})
class SettingsControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PlatformApi api;

    @MockitoBean
    PublicApi anonymous;

    static Notifications.Preferences client() {
        Map<String, Boolean> kinds = new LinkedHashMap<>();
        kinds.put("NEW_HOMEWORK", true);
        kinds.put("HOMEWORK_DUE", false);
        kinds.put("HOMEWORK_OVERDUE", true);
        kinds.put("NEW_FEEDBACK", true);
        kinds.put("QUESTIONNAIRE_DUE", true);
        kinds.put("SOMETHING_NEW", true);
        return new Notifications.Preferences("Europe/Madrid", "es", kinds, 2, "18:30",
                new Notifications.QuietHours("22:00", "07:00"), "DIGEST", "08:00");
    }

    static Notifications.Preferences therapist() {
        return new Notifications.Preferences("America/New_York", "en", Map.of("HOMEWORK_HANDED_IN", true), 1, "18:00",
                null, "IMMEDIATE", "09:15");
    }

    String page(String role) throws Exception {
        return mvc.perform(get("/settings/notifications").with(as(role)).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aClientSeesTheirKindsAsLabelledCheckboxesAndTheirReminderSettings() throws Exception {
        when(api.get(any(), eq(Notifications.Preferences.class))).thenReturn(Fetched.of(Optional.of(client())));

        String html = page("client");

        assertThat(html).containsPattern("id=\"kind-NEW_HOMEWORK\"[^>]*checked");
        assertThat(html).doesNotContainPattern("id=\"kind-HOMEWORK_DUE\"[^>]*checked");
        assertThat(html).contains("<label for=\"kind-HOMEWORK_DUE\">Reminder before homework is due</label>");
        assertThat(html).contains("<label for=\"kind-NEW_FEEDBACK\">New feedback from your therapist</label>");
        assertThat(html).as("a kind the portal has no label for is shown by its name")
                .contains("<label for=\"kind-SOMETHING_NEW\">SOMETHING_NEW</label>");
        assertThat(html).containsPattern("id=\"zone\"[^>]*value=\"Europe/Madrid\"");
        assertThat(html).containsPattern("id=\"language-es\"[^>]*checked");
        assertThat(html).containsPattern("id=\"dueLeadDays-2\"[^>]*checked");
        assertThat(html).containsPattern("id=\"reminderTime\"[^>]*value=\"18:30\"");
        assertThat(html).containsPattern("id=\"quietStart\"[^>]*value=\"22:00\"");
        assertThat(html).containsPattern("id=\"quietEnd\"[^>]*value=\"07:00\"");
        assertThat(html).as("a client gets no handed-in homework, so it is not asked, only kept")
                .doesNotContain("id=\"handedInDelivery-DIGEST\"")
                .contains("<input type=\"hidden\" name=\"handedInDelivery\" value=\"DIGEST\">");
        assertThat(html).contains("<legend>Emails I want to get</legend>");
        assertThat(html).contains("<a href=\"/settings/notifications\">Settings</a>");
        assertThat(html).doesNotContain("<script>").doesNotContain("style=");
    }

    @Test
    void aTherapistChoosesHowHandedInHomeworkComesAndIsNotAskedAboutReminders() throws Exception {
        when(api.get(any(), eq(Notifications.Preferences.class))).thenReturn(Fetched.of(Optional.of(therapist())));

        String html = page("therapist");

        assertThat(html).contains("<label for=\"kind-HOMEWORK_HANDED_IN\">A client handed in homework</label>");
        assertThat(html).containsPattern("id=\"handedInDelivery-IMMEDIATE\"[^>]*checked");
        assertThat(html).containsPattern("id=\"digestTime\"[^>]*value=\"09:15\"");
        assertThat(html).doesNotContain("id=\"dueLeadDays-1\"").doesNotContain("id=\"reminderTime\"");
        assertThat(html).contains("<input type=\"hidden\" name=\"dueLeadDays\" value=\"1\">");
    }

    @Test
    void thePageIsInSpanishForASpanishBrowser() throws Exception {
        when(api.get(any(), eq(Notifications.Preferences.class))).thenReturn(Fetched.of(Optional.of(client())));

        String html = mvc.perform(get("/settings/notifications").with(as("client")).locale(Locale.forLanguageTag("es")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Ajustes de notificaciones").contains("Recordatorio antes de que venza una tarea");
    }

    @Test
    void anUnavailableServiceSaysSoAndShowsNoForm() throws Exception {
        when(api.get(any(), eq(Notifications.Preferences.class))).thenReturn(Fetched.failed());

        String html = page("client");

        assertThat(html).contains("Your notification settings are unavailable right now").doesNotContain("settings-form");
    }

    @Test
    void savingSendsEveryValueAsOnePutAndRedirectsWithANotice() throws Exception {
        when(api.put(any(), any(), eq(Notifications.Preferences.class))).thenReturn(Sent.done(client()));

        mvc.perform(post("/settings/notifications").with(as("client")).with(csrf())
                        .param("zone", " Europe/Madrid ").param("language", "es")
                        .param("kinds", "NEW_HOMEWORK", "HOMEWORK_DUE", "NEW_FEEDBACK").param("on", "HOMEWORK_DUE")
                        .param("dueLeadDays", "0").param("reminderTime", "07:45")
                        .param("quietStart", "").param("quietEnd", "")
                        .param("handedInDelivery", "DIGEST").param("digestTime", "08:00"))
                .andExpect(redirectedUrl("/settings/notifications"))
                .andExpect(flash().attribute("notice", "settings.saved"));

        ArgumentCaptor<Object> body = ArgumentCaptor.forClass(Object.class);
        verify(api).put(any(), body.capture(), eq(Notifications.Preferences.class));
        assertThat(body.getValue()).isEqualTo(new Notifications.Preferences("Europe/Madrid", "es",
                Map.of("NEW_HOMEWORK", false, "HOMEWORK_DUE", true, "NEW_FEEDBACK", false), 0, "07:45", null, "DIGEST",
                "08:00"));
    }

    @Test
    void theDevicesZoneOfferedOnTheHomePageChangesTheZoneAloneAndEveryDateAfterIt() throws Exception {
        when(api.get(any(), eq(Notifications.Preferences.class))).thenReturn(Fetched.of(Optional.of(client())));
        Notifications.Preferences inAuckland = new Notifications.Preferences("Pacific/Auckland", "es", client().kinds(),
                2, "18:30", new Notifications.QuietHours("22:00", "07:00"), "DIGEST", "08:00");
        when(api.put(any(), any(), eq(Notifications.Preferences.class))).thenReturn(Sent.done(inAuckland));

        org.springframework.mock.web.MockHttpSession session = new org.springframework.mock.web.MockHttpSession();
        mvc.perform(post("/settings/zone").with(as("client")).with(csrf()).session(session)
                        .param("zone", " Pacific/Auckland "))
                .andExpect(redirectedUrl("/")).andExpect(flash().attribute("notice", "zone.saved"));

        ArgumentCaptor<Object> body = ArgumentCaptor.forClass(Object.class);
        verify(api).put(any(), body.capture(), eq(Notifications.Preferences.class));
        assertThat(body.getValue()).as("everything else as it was").isEqualTo(inAuckland);
        assertThat(session.getAttribute("securebase.reader-zone")).isEqualTo("Pacific/Auckland");
    }

    @Test
    void aZoneAccountServiceRefusesIsSaidSoAndNothingIsRemembered() throws Exception {
        when(api.get(any(), eq(Notifications.Preferences.class))).thenReturn(Fetched.of(Optional.of(client())));
        when(api.put(any(), any(), eq(Notifications.Preferences.class))).thenReturn(Sent.refused("zone is not valid",
                java.util.List.of(new Sent.Violation("zone", "must be a time zone such as America/New_York"))));

        org.springframework.mock.web.MockHttpSession session = new org.springframework.mock.web.MockHttpSession();
        mvc.perform(post("/settings/zone").with(as("client")).with(csrf()).session(session).param("zone", "Mars/Base"))
                .andExpect(redirectedUrl("/")).andExpect(flash().attribute("error", "settings.error.zone"));

        assertThat(session.getAttribute("securebase.reader-zone")).isNull();
    }

    @Test
    void quietHoursAreSentWhenGiven() throws Exception {
        when(api.put(any(), any(), eq(Notifications.Preferences.class))).thenReturn(Sent.done(client()));

        mvc.perform(post("/settings/notifications").with(as("client")).with(csrf())
                        .param("zone", "Europe/Madrid").param("language", "en").param("dueLeadDays", "1")
                        .param("reminderTime", "18:00").param("quietStart", "22:00").param("quietEnd", "07:00")
                        .param("handedInDelivery", "DIGEST").param("digestTime", "08:00"))
                .andExpect(redirectedUrl("/settings/notifications"));

        ArgumentCaptor<Notifications.Preferences> body = ArgumentCaptor.forClass(Notifications.Preferences.class);
        verify(api).put(any(), body.capture(), eq(Notifications.Preferences.class));
        assertThat(body.getValue().quietHours()).isEqualTo(new Notifications.QuietHours("22:00", "07:00"));
        assertThat(body.getValue().kinds()).isEmpty();
    }

    @Test
    void theApisFieldViolationsComeBackBesideTheFieldsWithEverythingTypedKept() throws Exception {
        when(api.put(any(), any(), eq(Notifications.Preferences.class))).thenReturn(Sent.refused(
                "The preferences have invalid fields.",
                List.of(new Sent.Violation("zone", "must be a time zone such as America/New_York"),
                        new Sent.Violation("quietHours.end", "must differ from the start"))));

        String html = mvc.perform(post("/settings/notifications").with(as("client")).with(csrf()).locale(Locale.ENGLISH)
                        .param("zone", "Mars/Olympus").param("language", "en")
                        .param("kinds", "NEW_HOMEWORK", "HOMEWORK_DUE").param("on", "HOMEWORK_DUE")
                        .param("dueLeadDays", "2").param("reminderTime", "19:05")
                        .param("quietStart", "21:00").param("quietEnd", "21:00")
                        .param("handedInDelivery", "DIGEST").param("digestTime", "08:00"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("see the marked fields below");
        assertThat(html).containsPattern("<h2 id=\"error-summary-title\">There is a problem</h2>\\s*<ul>\\s*<li><a href=\"#zone\">Enter a time zone")
                .contains("<a href=\"#quietEnd\">");
        assertThat(html).contains("id=\"zone-error\"").containsPattern("id=\"zone\"[^>]*value=\"Mars/Olympus\"[^>]*aria-invalid=\"true\"");
        assertThat(html).contains("id=\"quietEnd-error\"").containsPattern("id=\"quietEnd\"[^>]*value=\"21:00\"[^>]*aria-invalid=\"true\"");
        assertThat(html).doesNotContain("id=\"reminderTime-error\"");
        assertThat(html).containsPattern("id=\"kind-HOMEWORK_DUE\"[^>]*checked")
                .doesNotContainPattern("id=\"kind-NEW_HOMEWORK\"[^>]*checked");
        assertThat(html).containsPattern("id=\"dueLeadDays-2\"[^>]*checked");
        assertThat(html).containsPattern("id=\"reminderTime\"[^>]*value=\"19:05\"");
        assertThat(html).containsPattern("id=\"quietStart\"[^>]*value=\"21:00\"");
    }

    @Test
    void aRefusalWithoutFieldsShowsTheApisDetail() throws Exception {
        when(api.put(any(), any(), eq(Notifications.Preferences.class)))
                .thenReturn(Sent.refused("A body with the preferences is required."));

        String html = mvc.perform(post("/settings/notifications").with(as("therapist")).with(csrf())
                        .param("zone", "Europe/Madrid").param("language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("A body with the preferences is required.").doesNotContain("id=\"error-summary\"");
    }

    @Test
    void anUnavailableServiceKeepsWhatWasChosen() throws Exception {
        when(api.put(any(), any(), eq(Notifications.Preferences.class))).thenReturn(Sent.failed());

        String html = mvc.perform(post("/settings/notifications").with(as("client")).with(csrf()).locale(Locale.ENGLISH)
                        .param("zone", "Asia/Tokyo").param("language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("could not be saved").containsPattern("id=\"zone\"[^>]*value=\"Asia/Tokyo\"");
    }

    @Test
    void savingNeedsTheCsrfToken() throws Exception {
        mvc.perform(post("/settings/notifications").with(as("client")).param("zone", "Europe/Madrid"))
                .andExpect(status().isForbidden());
        verify(api, never()).put(any(), any(), any());
    }

    @Test
    void thePageNeedsALogin() throws Exception {
        mvc.perform(get("/settings/notifications")).andExpect(status().is4xxClientError());
        verify(api, never()).get(any(), eq(Notifications.Preferences.class));
    }
}
