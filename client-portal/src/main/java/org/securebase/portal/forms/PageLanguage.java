package org.securebase.portal.forms;

import java.util.List;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The language a page is written in: Spanish when the reader asks for it, English otherwise. A reader whose browser
 * asks for a language the portal has no messages in reads English pages, so their dates and charts are English too.
 */
public final class PageLanguage {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    /** The languages the portal's messages are written in, the first the default. */
    static final List<Locale> WRITTEN_IN = List.of(Locale.ENGLISH, SPANISH);

    private PageLanguage() {
    }

    /** The locale of the page being made (the request's, through Spring's {@link LocaleContextHolder}). */
    public static Locale current() {
        return "es".equals(LocaleContextHolder.getLocale().getLanguage()) ? SPANISH : Locale.ENGLISH;
    }
}
