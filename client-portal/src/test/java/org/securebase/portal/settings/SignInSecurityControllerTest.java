package org.securebase.portal.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.securebase.portal.WebSliceSecurity.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
 * With the portal's real security configuration: the "Sign-in and security" page for every role, and the sign-in it
 * starts asking Keycloak for exactly the one action named, and for nothing else.
 */
@WebMvcTest(SignInSecurityController.class)
@Import(RealPortalSecurity.class)
class SignInSecurityControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PlatformApi api;

    @MockitoBean
    PublicApi publicApi;

    @Test
    void everyRoleGetsThePageWithItsThreeWays() throws Exception {
        for (String role : new String[] {"client", "therapist", "admin"}) {
            String html = mvc.perform(get("/settings/security").with(as(role))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();

            assertThat(html).as(role)
                    .contains("href=\"/oauth2/authorization/keycloak?action=UPDATE_PASSWORD\"")
                    .contains("href=\"/oauth2/authorization/keycloak?action=CONFIGURE_TOTP\"")
                    .contains("href=\"http://localhost:8080/auth/realms/securebase/account/account-security/device-activity\"");
        }
    }

    @Test
    void withoutASessionThePageSendsToSignIn() throws Exception {
        mvc.perform(get("/settings/security")).andExpect(redirectedUrl(SettingsSecurityTest.LOGIN));
    }

    @Test
    void theSignInItStartsAsksKeycloakForTheNamedActionWithPkce() throws Exception {
        String location = mvc.perform(get("/oauth2/authorization/keycloak").param("action", "UPDATE_PASSWORD"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

        assertThat(location).startsWith("http://localhost:8080/auth/realms/securebase/protocol/openid-connect/auth?")
                .contains("kc_action=UPDATE_PASSWORD").contains("code_challenge_method=S256");
    }

    @Test
    void anActionNotOfferedStartsAPlainSignIn() throws Exception {
        for (String action : new String[] {"delete_account", "UPDATE_EMAIL", "", "update_password\r\nX: y"}) {
            String location = mvc.perform(get("/oauth2/authorization/keycloak").param("action", action))
                    .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

            assertThat(location).as(action).doesNotContain("kc_action").contains("code_challenge_method=S256");
        }
        String plain = mvc.perform(get("/oauth2/authorization/keycloak")).andReturn().getResponse().getRedirectedUrl();
        assertThat(plain).doesNotContain("kc_action");
    }
}
