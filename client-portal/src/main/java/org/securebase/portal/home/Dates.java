package org.securebase.portal.home;

import org.securebase.portal.forms.PageLanguage;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Formats instants for pages (as {@code @dates} in templates), in the page's language ({@link PageLanguage}). The
 * practice's time zone is the server's: people and the practice are in one place, and a date shown must match the due
 * date the therapist picked.
 */
@Component("dates")
public class Dates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final ZoneId zone = ZoneId.systemDefault();

    public String day(Instant instant) {
        return instant == null ? "" : DAY.withLocale(PageLanguage.current()).format(instant.atZone(zone));
    }

    public String moment(Instant instant) {
        return instant == null ? "" : MOMENT.withLocale(PageLanguage.current()).format(instant.atZone(zone));
    }

    /** The day in the practice's zone as a date field takes it ({@code 2026-12-04}). */
    public String isoDay(Instant instant) {
        return instant == null ? "" : instant.atZone(zone).toLocalDate().toString();
    }

    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
