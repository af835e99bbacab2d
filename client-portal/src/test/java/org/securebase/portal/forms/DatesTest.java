package org.securebase.portal.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Dates are written in the page's language: Spanish pages get Spanish dates, every other page English ones. */
class DatesTest {

    private final Dates dates = new Dates(ZoneId.systemDefault());
    private final java.time.Instant monday = LocalDateTime.of(2026, 3, 9, 14, 30).atZone(ZoneId.systemDefault()).toInstant();

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
        RequestContextHolder.resetRequestAttributes();
    }

    /** A page made in a session whose reader reads dates in {@code zone}. */
    private static void readerIn(String zone) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        ReaderZone.remember(request, zone);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @Test
    void aTherapistInLosAngelesAndAClientInAucklandSeeOneDeadlineEachInTheirOwnTime() {
        LocaleContextHolder.setLocale(Locale.US);
        Dates practiceInNewYork = new Dates(ZoneId.of("America/New_York"));
        Instant dueAtAucklandMidnight = LocalDateTime.of(2026, 12, 10, 23, 59).atZone(ZoneId.of("Pacific/Auckland"))
                .toInstant();

        readerIn("Pacific/Auckland");
        assertThat(practiceInNewYork.deadline(dueAtAucklandMidnight)).isEqualTo("Thu 10 Dec 2026, 23:59 NZDT");
        assertThat(practiceInNewYork.isoDay(dueAtAucklandMidnight)).isEqualTo("2026-12-10");

        readerIn("America/Los_Angeles");
        assertThat(practiceInNewYork.deadline(dueAtAucklandMidnight)).isEqualTo("Thu 10 Dec 2026, 02:59 PST");
        assertThat(practiceInNewYork.day(dueAtAucklandMidnight)).isEqualTo("Thu 10 Dec 2026");
    }

    @Test
    void untilThePersonsZoneIsKnownDatesAreInThePractices() {
        LocaleContextHolder.setLocale(Locale.US);
        Dates practiceInNewYork = new Dates(ZoneId.of("America/New_York"));
        Instant noonUtc = Instant.parse("2026-12-10T12:00:00Z");

        assertThat(practiceInNewYork.zone()).isEqualTo(ZoneId.of("America/New_York"));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        assertThat(practiceInNewYork.moment(noonUtc)).isEqualTo("10 Dec 2026, 07:00");
        readerIn("Not/AZone");
        assertThat(practiceInNewYork.moment(noonUtc)).isEqualTo("10 Dec 2026, 07:00");
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
