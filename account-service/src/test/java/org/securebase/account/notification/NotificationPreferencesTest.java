package org.securebase.account.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

import org.junit.jupiter.api.Test;

class NotificationPreferencesTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    private static Instant at(ZoneId zone, int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, zone).toInstant();
    }

    @Test
    void dueTomorrowComesTheDayBeforeAtSixInTheClientsZone() {
        NotificationPreferences defaults = NotificationPreferences.defaults(NEW_YORK, "en");
        Instant due = at(NEW_YORK, 2026, 12, 10, 23, 59);
        assertThat(defaults.dueReminderAt(due)).contains(at(NEW_YORK, 2026, 12, 9, 18, 0));
        // The same due instant for a client in Madrid: 05:59 on the 11th there, so the reminder is the 10th at 18:00.
        assertThat(NotificationPreferences.defaults(MADRID, "es").dueReminderAt(due))
                .contains(at(MADRID, 2026, 12, 10, 18, 0));
    }

    @Test
    void leadTimeOfZeroAndTwoDays() {
        Instant due = at(NEW_YORK, 2026, 12, 10, 23, 0);
        assertThat(lead(0).dueReminderAt(due)).contains(at(NEW_YORK, 2026, 12, 10, 18, 0));
        assertThat(lead(2).dueReminderAt(due)).contains(at(NEW_YORK, 2026, 12, 8, 18, 0));
        // Due at noon: a same-day reminder at 18:00 would come after it, so there is none.
        assertThat(lead(0).dueReminderAt(at(NEW_YORK, 2026, 12, 10, 12, 0))).isEmpty();
    }

    @Test
    void aReminderTimeInQuietHoursMovesToTheirEnd() {
        NotificationPreferences late = new NotificationPreferences(NEW_YORK, "en", Set.of(), 1, LocalTime.of(22, 30),
                LocalTime.of(21, 0), LocalTime.of(8, 0), true, LocalTime.of(8, 0));
        Instant due = at(NEW_YORK, 2026, 12, 10, 23, 0);
        assertThat(late.dueReminderAt(due)).contains(at(NEW_YORK, 2026, 12, 10, 8, 0));
        // Without quiet hours the chosen time stands.
        NotificationPreferences noQuiet = new NotificationPreferences(NEW_YORK, "en", Set.of(), 1, LocalTime.of(22, 30),
                null, null, true, LocalTime.of(8, 0));
        assertThat(noQuiet.dueReminderAt(due)).contains(at(NEW_YORK, 2026, 12, 9, 22, 30));
    }

    @Test
    void quietHoursThatDoNotWrapMidnight() {
        NotificationPreferences siesta = new NotificationPreferences(MADRID, "es", Set.of(), 1, LocalTime.of(15, 0),
                LocalTime.of(14, 0), LocalTime.of(16, 0), true, LocalTime.of(8, 0));
        assertThat(siesta.outOfQuietHours(at(MADRID, 2026, 12, 9, 15, 0))).isEqualTo(at(MADRID, 2026, 12, 9, 16, 0));
        assertThat(siesta.outOfQuietHours(at(MADRID, 2026, 12, 9, 16, 0))).isEqualTo(at(MADRID, 2026, 12, 9, 16, 0));
        assertThat(siesta.outOfQuietHours(at(MADRID, 2026, 12, 9, 13, 59))).isEqualTo(at(MADRID, 2026, 12, 9, 13, 59));
    }

    @Test
    void overdueAtTheDueTimeUnlessItIsNight() {
        NotificationPreferences defaults = NotificationPreferences.defaults(NEW_YORK, "en");
        assertThat(defaults.overdueAt(at(NEW_YORK, 2026, 12, 10, 17, 0))).isEqualTo(at(NEW_YORK, 2026, 12, 10, 17, 0));
        assertThat(defaults.overdueAt(at(NEW_YORK, 2026, 12, 10, 23, 59))).isEqualTo(at(NEW_YORK, 2026, 12, 11, 8, 0));
        assertThat(defaults.overdueAt(at(NEW_YORK, 2026, 12, 11, 3, 0))).isEqualTo(at(NEW_YORK, 2026, 12, 11, 8, 0));
    }

    @Test
    void acrossTheChangeToSummerTimeTheWallClockHourHolds() {
        // 8 March 2026: clocks in New York go from 02:00 to 03:00.
        Instant due = at(NEW_YORK, 2026, 3, 9, 20, 0);
        Instant reminder = NotificationPreferences.defaults(NEW_YORK, "en").dueReminderAt(due).orElseThrow();
        assertThat(reminder.atZone(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(18, 0));
        assertThat(Duration.between(reminder, due)).isEqualTo(Duration.ofHours(26));
    }

    @Test
    void theDigestComesAtTheNextDigestTime() {
        NotificationPreferences defaults = NotificationPreferences.defaults(NEW_YORK, "en");
        assertThat(defaults.nextDigestAt(at(NEW_YORK, 2026, 12, 9, 7, 59))).isEqualTo(at(NEW_YORK, 2026, 12, 9, 8, 0));
        assertThat(defaults.nextDigestAt(at(NEW_YORK, 2026, 12, 9, 8, 0))).isEqualTo(at(NEW_YORK, 2026, 12, 10, 8, 0));
    }

    @Test
    void switchingOffHandInsAlsoStopsTheDigestButNeverTheSafetySignal() {
        NotificationPreferences off = NotificationPreferences.defaults(NEW_YORK, "en")
                .without(NotificationKind.HOMEWORK_HANDED_IN);
        assertThat(off.wants(NotificationKind.HOMEWORK_HANDED_IN)).isFalse();
        assertThat(off.wants(NotificationKind.HANDED_IN_DIGEST)).isFalse();
        assertThat(off.wants(NotificationKind.QUESTIONNAIRE_ATTENTION)).isTrue();
        assertThat(off.wants(NotificationKind.NEW_HOMEWORK)).isTrue();
    }

    private static NotificationPreferences lead(int days) {
        return new NotificationPreferences(NEW_YORK, "en", Set.of(), days, LocalTime.of(18, 0), LocalTime.of(21, 0),
                LocalTime.of(8, 0), true, LocalTime.of(8, 0));
    }
}
