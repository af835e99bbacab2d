package org.securebase.portal.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.securebase.portal.WebSliceSecurity.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.securebase.portal.WebSliceSecurity;
import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.securebase.portal.api.PublicApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The admin's read-only page of which kinds of mail a person gets, over a PlatformApi stand-in. */
@WebMvcTest(AccountNotificationsController.class)
@Import({NotificationsApi.class, WebSliceSecurity.class})
class AccountNotificationsControllerTest {

    private static final UUID PERSON = UUID.randomUUID();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PlatformApi api;

    @MockitoBean
    PublicApi anonymous;

    @Test
    void showsEachKindOnOrOffByItsNameInThePagesLanguage() throws Exception {
        Map<String, Boolean> kinds = new LinkedHashMap<>();
        kinds.put("NEW_HOMEWORK", true);
        kinds.put("HOMEWORK_DUE", false);
        when(api.get(any(), eq(Notifications.Kinds.class)))
                .thenReturn(Fetched.of(Optional.of(new Notifications.Kinds(PERSON, kinds))));

        String english = page(Locale.ENGLISH, 200);
        assertThat(english).contains("Emails Rhea Reminded gets").contains("<caption>Kinds of email</caption>");
        assertThat(english).containsPattern("(?s)id=\"kind-NEW_HOMEWORK\">\\s*<th scope=\"row\">New homework</th>\\s*<td>On</td>");
        assertThat(english).containsPattern("(?s)id=\"kind-HOMEWORK_DUE\">\\s*<th scope=\"row\">Reminder before homework is due</th>\\s*<td>Off</td>");
        String spanish = page(Locale.forLanguageTag("es"), 200);
        assertThat(spanish).contains("Correos que recibe Rhea Reminded").containsPattern("(?s)Nueva tarea</th>\\s*<td>Sí</td>");
    }

    @Test
    void anUnknownAccountIsA404AndAnUnavailableServiceSaysSo() throws Exception {
        when(api.get(any(), eq(Notifications.Kinds.class))).thenReturn(Fetched.of(Optional.empty()));
        page(Locale.ENGLISH, 404);

        when(api.get(any(), eq(Notifications.Kinds.class))).thenReturn(Fetched.failed());
        assertThat(page(Locale.ENGLISH, 200)).contains("id=\"unavailable\"").doesNotContain("id=\"kinds\"");
    }

    @Test
    void onlyAnAdminSeesIt() throws Exception {
        for (String role : new String[] {"client", "therapist"}) {
            mvc.perform(get("/accounts/" + PERSON + "/notifications").with(as(role))).andExpect(status().isForbidden());
        }
        verifyNoInteractions(api);
    }

    private String page(Locale locale, int status) throws Exception {
        return mvc.perform(get("/accounts/" + PERSON + "/notifications").param("name", "Rhea Reminded")
                        .with(as("admin")).locale(locale))
                .andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
    }
}
