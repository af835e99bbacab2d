package org.securebase.portal.forms;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The language a page is written in: Spanish when the reader asks for it, English otherwise. A reader whose browser
 * asks for a language the portal has no messages in reads English pages, so their dates and charts are English too.
 */
public final class PageLanguage {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    /** The languages the portal's messages are written in, the first the default. */
    static final List<Locale> WRITTEN_IN = List.of(Locale.ENGLISH, SPANISH);

    /** The language the person chose in their settings during this session, before their token says so. */
    static final String CHOSEN = "securebase.reader-language";

    private PageLanguage() {
    }

    /**
     * Remembers the language just saved in the person's settings, so the next page is in it at once (their ID
     * token's {@code locale} claim follows at their next sign-in, when account-service has told Keycloak).
     */
    public static void remember(HttpServletRequest request, String language) {
        for (Locale written : WRITTEN_IN) {
            if (written.getLanguage().equals(language)) {
                request.getSession().setAttribute(CHOSEN, written.getLanguage());
            }
        }
    }

    /** The locale of the page being made (the request's, through Spring's {@link LocaleContextHolder}). */
    public static Locale current() {
        return "es".equals(LocaleContextHolder.getLocale().getLanguage()) ? SPANISH : Locale.ENGLISH;
    }
}
