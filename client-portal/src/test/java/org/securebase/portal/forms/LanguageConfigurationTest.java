package org.securebase.portal.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Pages are English or Spanish: a signed-in person's own language (Keycloak's locale claim) first, else the browser's
 * language picks one of the two, and anything else reads English.
 */
class LanguageConfigurationTest {

    private final LocaleResolver resolver = new LanguageConfiguration().localeResolver();

    @Test
    void aSpanishVariantReadsSpanishAndAnyOtherLanguageEnglish() {
        assertThat(resolve("es-MX,es;q=0.9").getLanguage()).isEqualTo("es");
        assertThat(resolve("es-US").getLanguage()).isEqualTo("es");
        assertThat(resolve("en-GB").getLanguage()).isEqualTo("en");
        assertThat(resolve("de-DE,de;q=0.9")).isEqualTo(Locale.ENGLISH);
        assertThat(resolve("fr, es;q=0.5").getLanguage()).as("the first language the portal has").isEqualTo("es");
        assertThat(resolve(null)).isEqualTo(Locale.ENGLISH);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aSignedInPersonReadsTheLanguageTheyChoseWhateverTheirBrowserSays() {
        signIn(Map.of("locale", "es"));
        assertThat(resolve("en-US,en;q=0.9").getLanguage()).isEqualTo("es");
        signIn(Map.of("locale", "en"));
        assertThat(resolve("es-MX").getLanguage()).isEqualTo("en");
    }

    @Test
    void aLanguageSavedInTheSettingsCountsFromTheNextPageBeforeTheTokenSaysSo() {
        signIn(Map.of("locale", "en"));
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Accept-Language", "en-US");
        PageLanguage.remember(request, "es");
        assertThat(resolver.resolveLocale(request).getLanguage()).isEqualTo("es");
        PageLanguage.remember(request, "de");
        assertThat(resolver.resolveLocale(request).getLanguage()).as("a language without pages changes nothing")
                .isEqualTo("es");
    }

    @Test
    void aChoiceThePortalHasNoPagesInOrNoChoiceFallsBackToTheBrowser() {
        signIn(Map.of("locale", "de"));
        assertThat(resolve("es-MX").getLanguage()).isEqualTo("es");
        signIn(Map.of());
        assertThat(resolve("es-MX").getLanguage()).isEqualTo("es");
        assertThat(resolve("de")).isEqualTo(Locale.ENGLISH);
    }

    private static void signIn(Map<String, Object> claims) {
        Map<String, Object> all = new HashMap<>(claims);
        all.put("sub", "someone");
        OidcIdToken token = new OidcIdToken("id-token", Instant.EPOCH, Instant.EPOCH.plusSeconds(60), all);
        DefaultOidcUser user = new DefaultOidcUser(List.of(), token);
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(user, null));
    }

    private Locale resolve(String acceptLanguage) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        if (acceptLanguage != null) {
            request.addHeader("Accept-Language", acceptLanguage);
        }
        return resolver.resolveLocale(request);
    }
}
