package org.securebase.portal.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.LocaleResolver;

/** Pages are English or Spanish: the browser's language picks one of the two, and anything else reads English. */
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

    private Locale resolve(String acceptLanguage) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        if (acceptLanguage != null) {
            request.addHeader("Accept-Language", acceptLanguage);
        }
        return resolver.resolveLocale(request);
    }
}
