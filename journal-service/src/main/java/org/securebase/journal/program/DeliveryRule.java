package org.securebase.journal.program;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

import org.securebase.platform.contracts.JournalLimits;
import org.securebase.platform.web.problem.BadRequestException;

/**
 * When a program's step is delivered, counted from its start: the enrolment for the first step, the previous step's
 * hand-in for the others.
 *
 * @param days    DAYS_AFTER only: how many days after the start
 * @param weekday WEEKDAY only: the first such day after the start's day, at {@link #WEEKDAY_DELIVERY} in the practice's
 *                time zone
 */
record DeliveryRule(Kind kind, Integer days, DayOfWeek weekday) {

    /** Morning, so the homework is there when the day begins. */
    static final LocalTime WEEKDAY_DELIVERY = LocalTime.of(8, 0);

    enum Kind {
        /** At the start: on enrolment, or as soon as the previous step is handed in. */
        IMMEDIATELY,
        DAYS_AFTER,
        WEEKDAY
    }

    /** The rule as requested, checked; {@code field} names it in a 400. */
    static DeliveryRule of(Kind kind, Integer days, DayOfWeek weekday, String field) {
        if (kind == null) {
            throw BadRequestException.forField(field + ".kind", "must be IMMEDIATELY, DAYS_AFTER or WEEKDAY");
        }
        switch (kind) {
            case IMMEDIATELY -> {
                if (days != null || weekday != null) {
                    throw BadRequestException.forField(field, "IMMEDIATELY takes neither days nor a weekday");
                }
            }
            case DAYS_AFTER -> {
                if (days == null || days < 1 || days > JournalLimits.PROGRAM_WAIT_DAYS) {
                    throw BadRequestException.forField(field + ".days",
                            "must be a whole number of days from 1 to " + JournalLimits.PROGRAM_WAIT_DAYS);
                }
                if (weekday != null) {
                    throw BadRequestException.forField(field + ".weekday", "is only for WEEKDAY");
                }
            }
            case WEEKDAY -> {
                if (weekday == null) {
                    throw BadRequestException.forField(field + ".weekday", "is required: MONDAY to SUNDAY");
                }
                if (days != null) {
                    throw BadRequestException.forField(field + ".days", "is only for DAYS_AFTER");
                }
            }
        }
        return new DeliveryRule(kind, days, weekday);
    }

    /** When the step is due, for a start at {@code start}. */
    Instant dueAfter(Instant start, ZoneId zone) {
        return switch (kind) {
            case IMMEDIATELY -> start;
            case DAYS_AFTER -> start.plus(Duration.ofDays(days));
            case WEEKDAY -> start.atZone(zone).toLocalDate().with(TemporalAdjusters.next(weekday))
                    .atTime(WEEKDAY_DELIVERY).atZone(zone).toInstant();
        };
    }
}
