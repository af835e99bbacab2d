package org.securebase.portal.welcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.securebase.portal.WebSliceSecurity.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.securebase.portal.WebSliceSecurity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** The welcome to read again, in both languages. */
@WebMvcTest(WelcomeController.class)
@Import(WebSliceSecurity.class)
class WelcomeControllerTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theWelcomeSaysWhoCanSeeWhatAndHowToAddASecondFactor() throws Exception {
        String html = mvc.perform(get("/welcome").with(as("client")).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("<h1 id=\"welcome-heading\">Welcome to Secure Base</h1>")
                .contains("Your therapist reads an entry only if you share it, one entry at a time")
                .contains("The practice&#39;s administrators manage accounts. They never see your answers, your journal or your results.")
                .contains("href=\"/audit\">Who has seen my data</a>")
                .contains("href=\"/settings/security\">Set up an authenticator app</a>")
                .contains("id=\"to-home\"");
    }

    @Test
    void inSpanish() throws Exception {
        String html = mvc.perform(get("/welcome").with(as("client")).locale(Locale.forLanguageTag("es")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Bienvenido a Secure Base").contains("Privado por defecto.")
                .doesNotContain("Private by default");
    }
}
