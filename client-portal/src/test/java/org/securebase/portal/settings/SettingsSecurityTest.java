package org.securebase.portal.settings;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.securebase.portal.RealPortalSecurity;
import org.securebase.portal.api.PlatformApi;
import org.securebase.portal.api.PublicApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With the portal's real security configuration: exactly GET and POST of the unsubscribe link are open to someone
 * without a session; the settings page (and everything else) still sends them to log in; the CSP stays strict.
 */
@WebMvcTest({SettingsController.class, UnsubscribeController.class})
@Import({NotificationsApi.class, RealPortalSecurity.class})
class SettingsSecurityTest {

    static final String LOGIN = "/oauth2/authorization/keycloak";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PlatformApi api;

    @MockitoBean
    PublicApi publicApi;

    @Test
    void theUnsubscribePageOpensWithoutALoginUnderTheStrictCsp() throws Exception {
        mvc.perform(get("/notifications/unsubscribe").param("token", "a.NEW_HOMEWORK.b"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", Matchers.containsString("script-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", Matchers.containsString("style-src 'self'")));
    }

    @Test
    void theUnsubscribeButtonWorksWithoutALoginButNotWithoutCsrf() throws Exception {
        mvc.perform(post("/notifications/unsubscribe").param("token", "x".repeat(201)).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/notifications/unsubscribe").param("token", "a.NEW_HOMEWORK.b"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(publicApi);
    }

    @Test
    void onlyGetAndPostAreOpen() throws Exception {
        mvc.perform(put("/notifications/unsubscribe").with(csrf())).andExpect(redirectedUrl(LOGIN));
        mvc.perform(get("/notifications/unsubscribe/more")).andExpect(redirectedUrl(LOGIN));
    }

    @Test
    void theSettingsPageSendsSomeoneWithoutASessionToLogIn() throws Exception {
        mvc.perform(get("/settings/notifications")).andExpect(redirectedUrl(LOGIN));
        mvc.perform(post("/settings/notifications").with(csrf()).param("zone", "Europe/Madrid"))
                .andExpect(redirectedUrl(LOGIN));
        verifyNoInteractions(api);
    }
}
