package org.securebase.portal.about;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.securebase.portal.RealPortalSecurity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** The accessibility statement opens for anyone, under the portal's real security configuration, in both languages. */
@WebMvcTest(AboutController.class)
@Import(RealPortalSecurity.class)
class AboutControllerTest {

    @Autowired
    MockMvc mvc;

    @Test
    void anyoneReadsTheStatementWithoutSigningIn() throws Exception {
        String html = mvc.perform(get("/accessibility").locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("<html lang=\"en\">").contains("<h1>Accessibility statement</h1>")
                .contains("What we test, and how").contains("What we know does not work well yet")
                .contains("WCAG) 2.2 at level AA").contains("axe-core")
                .contains("<a id=\"accessibility-link\" href=\"/accessibility\">Accessibility</a>")
                .contains("Keycloak&#39;s own").doesNotContain("&#39;&#39;");
        assertThat(html).as("nothing of a session: no navigation, no logout, no idle timer")
                .doesNotContain("logout").doesNotContain("session.js");
    }

    @Test
    void inSpanishTheWholeStatementIsSpanish() throws Exception {
        String html = mvc.perform(get("/accessibility").locale(Locale.forLanguageTag("es-MX")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("<html lang=\"es\">").contains("<h1>Declaración de accesibilidad</h1>")
                .contains("Qué probamos y cómo").contains(">Accesibilidad</a>")
                .doesNotContain("What we test").doesNotContain("Tell us what gets in your way");
    }

    @Test
    void onlyReadingIsOpen() throws Exception {
        mvc.perform(post("/accessibility").with(csrf())).andExpect(redirectedUrl("/oauth2/authorization/keycloak"));
        mvc.perform(get("/accessibility/more")).andExpect(redirectedUrl("/oauth2/authorization/keycloak"));
    }
}
