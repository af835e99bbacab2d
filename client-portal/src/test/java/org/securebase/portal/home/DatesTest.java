package org.securebase.portal.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** Dates are written in the page's language: Spanish pages get Spanish dates, every other page English ones. */
class DatesTest {

    private final Dates dates = new Dates();
    private final java.time.Instant monday = LocalDateTime.of(2026, 3, 9, 14, 30).atZone(ZoneId.systemDefault()).toInstant();

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void englishPagesGetEnglishDates() {
        LocaleContextHolder.setLocale(Locale.US);
        assertThat(dates.day(monday)).isEqualTo("Mon 9 Mar 2026");
        assertThat(dates.moment(monday)).isEqualTo("9 Mar 2026, 14:30");
    }

    @Test
    void spanishPagesGetSpanishDates() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("es-MX"));
        assertThat(dates.day(monday)).startsWith("lun").contains("9 mar").endsWith("2026");
        assertThat(dates.moment(monday)).contains("9 mar").contains("2026, 14:30");
    }

    @Test
    void aLanguageThePortalHasNoMessagesInGetsEnglishDatesLikeItsPages() {
        LocaleContextHolder.setLocale(Locale.GERMANY);
        assertThat(dates.day(monday)).isEqualTo("Mon 9 Mar 2026");
    }
}
