package org.securebase.portal.forms;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Formats instants for pages (as {@code @dates} in templates), in the page's language ({@link PageLanguage}) and the
 * reader's time zone ({@link ReaderZone}; the practice's, {@code securebase.practice.zone}, until it is known). A
 * therapist in Los Angeles and their client in Auckland each see the same deadline as their own local time.
 */
@Component("dates")
public class Dates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz",
            Locale.ENGLISH);

    private final ZoneId practiceZone;

    public Dates(@Value("${securebase.practice.zone:America/New_York}") ZoneId practiceZone) {
        this.practiceZone = practiceZone;
    }

    /** The zone the person reading this page reads dates in. */
    public ZoneId zone() {
        return ReaderZone.current().orElse(practiceZone);
    }

    /** The reader's zone's name ({@code Pacific/Auckland}), for templates (which may not call into java.time). */
    public String zoneName() {
        return zone().getId();
    }

    /** The practice's zone: everyone's until they choose their own. */
    public ZoneId practiceZone() {
        return practiceZone;
    }

    public String day(Instant instant) {
        return instant == null ? "" : DAY.withLocale(PageLanguage.current()).format(instant.atZone(zone()));
    }

    public String moment(Instant instant) {
        return instant == null ? "" : MOMENT.withLocale(PageLanguage.current()).format(instant.atZone(zone()));
    }

    /** A deadline: the day, the time and the reader's zone ({@code Thu 10 Dec 2026, 23:59 NZDT}). */
    public String deadline(Instant instant) {
        return instant == null ? "" : DEADLINE.withLocale(PageLanguage.current()).format(instant.atZone(zone()));
    }

    /** The day in the reader's zone as a date field takes it ({@code 2026-12-04}). */
    public String isoDay(Instant instant) {
        return instant == null ? "" : instant.atZone(zone()).toLocalDate().toString();
    }

    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
