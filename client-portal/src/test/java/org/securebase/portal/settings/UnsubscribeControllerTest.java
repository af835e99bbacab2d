package org.securebase.portal.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.util.Locale;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.securebase.portal.RealPortalSecurity;
import org.mockito.ArgumentCaptor;
import org.securebase.portal.api.PlatformApi;
import org.securebase.portal.api.PublicApi;
import org.securebase.portal.api.Sent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The mails' unsubscribe link, with the portal's own security configuration (the page must work without a login):
 * opening it asks and calls nothing; the button's POST calls account-service without anyone's token.
 */
@WebMvcTest(UnsubscribeController.class)
@Import({NotificationsApi.class, RealPortalSecurity.class})
class UnsubscribeControllerTest {

    static final String TOKEN = "7d0c6a53-2b7e-4a0e-9d3c-3f1f1d3e2a10.NEW_FEEDBACK.q1w2e3r4t5y6u7i8o9p0_-AbCdEfGhIjKlMnOpQrS";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PlatformApi api;

    @MockitoBean
    PublicApi publicApi;

    @Test
    void openingTheLinkWithoutASessionAsksAndUnsubscribesNoOne() throws Exception {
        String html = mvc.perform(get("/notifications/unsubscribe").param("token", TOKEN).with(anonymous())
                        .locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("<h1 id=\"unsubscribe-heading\">Stop these emails?</h1>");
        assertThat(html).contains("<input type=\"hidden\" name=\"token\" value=\"" + TOKEN + "\">");
        assertThat(html).as("the form carries the CSRF token").containsPattern("name=\"_csrf\" value=\"[^\"]+\"");
        assertThat(html).as("no navigation or logout for someone who may not be signed in")
                .doesNotContain("logout").doesNotContain("session.js");
        assertThat(html).doesNotContain("<script>").doesNotContain("style=");
        verifyNoInteractions(publicApi, api);
    }

    @Test
    void pressingTheButtonUnsubscribesThroughTheAnonymousClientAndConfirms() throws Exception {
        when(publicApi.post(any(), eq(Notifications.Unsubscribed.class)))
                .thenReturn(Sent.done(new Notifications.Unsubscribed("NEW_FEEDBACK", true)));

        String html = mvc.perform(post("/notifications/unsubscribe").param("token", TOKEN).with(anonymous()).with(csrf())
                        .locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("You will no longer get emails about: New feedback from your therapist.")
                .contains("You can change this any time in your notification settings.")
                .contains("href=\"/settings/notifications\"");
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Function<UriBuilder, URI>> uri = ArgumentCaptor.forClass(Function.class);
        verify(publicApi).post(uri.capture(), eq(Notifications.Unsubscribed.class));
        assertThat(uri.getValue().apply(UriComponentsBuilder.newInstance()).toString())
                .isEqualTo("/api/accounts/notifications/unsubscribe?token=" + TOKEN);
        verifyNoInteractions(api);
    }

    @Test
    void theConfirmationIsInSpanishForASpanishBrowser() throws Exception {
        when(publicApi.post(any(), eq(Notifications.Unsubscribed.class)))
                .thenReturn(Sent.done(new Notifications.Unsubscribed("HOMEWORK_DUE", true)));

        String html = mvc.perform(post("/notifications/unsubscribe").param("token", TOKEN).with(anonymous()).with(csrf())
                        .locale(Locale.forLanguageTag("es")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Ya no recibirá correos sobre: Recordatorio antes de que venza una tarea.");
    }

    @Test
    void aTokenTheServiceRefusesShowsTheInvalidLinkPageWith400() throws Exception {
        when(publicApi.post(any(), eq(Notifications.Unsubscribed.class)))
                .thenReturn(Sent.refused("This unsubscribe link is not valid."));

        String html = mvc.perform(post("/notifications/unsubscribe").param("token", TOKEN).with(anonymous()).with(csrf())
                        .locale(Locale.ENGLISH))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("This link is not valid or has expired").doesNotContain("no longer get");
    }

    @Test
    void aLinkThatCannotBeATokenIsInvalidWithoutAskingTheService() throws Exception {
        String html = mvc.perform(get("/notifications/unsubscribe").param("token", "<script>alert(1)</script>")
                        .with(anonymous()).locale(Locale.ENGLISH))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        mvc.perform(get("/notifications/unsubscribe").with(anonymous())).andExpect(status().isBadRequest());
        mvc.perform(post("/notifications/unsubscribe").param("token", "x".repeat(201)).with(anonymous()).with(csrf()))
                .andExpect(status().isBadRequest());

        assertThat(html).contains("This link is not valid or has expired").doesNotContain("alert(1)");
        verifyNoInteractions(publicApi);
    }

    @Test
    void anUnavailableServiceAsksAgainWith503() throws Exception {
        when(publicApi.post(any(), eq(Notifications.Unsubscribed.class))).thenReturn(Sent.failed());

        String html = mvc.perform(post("/notifications/unsubscribe").param("token", TOKEN).with(anonymous()).with(csrf())
                        .locale(Locale.ENGLISH))
                .andExpect(status().isServiceUnavailable()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Nothing was changed because the service is unavailable")
                .contains("<input type=\"hidden\" name=\"token\" value=\"" + TOKEN + "\">");
    }

    @Test
    void thePostNeedsTheCsrfTokenEvenWithoutASession() throws Exception {
        mvc.perform(post("/notifications/unsubscribe").param("token", TOKEN).with(anonymous()))
                .andExpect(status().isForbidden());
        verify(publicApi, never()).post(any(), any());
    }
}
