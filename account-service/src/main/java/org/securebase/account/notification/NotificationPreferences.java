package org.securebase.account.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one person wants to be told, and when: the kinds switched off, how many days before a due date the reminder
 * comes (0 = on the day) and at what time of day, quiet hours (null = none), and whether hand-ins come one by one or
 * as one daily digest. Times are wall-clock times in {@link #zone()}; the mails are in {@link #language()}.
 *
 * <p>The times a reminder is sent follow from these alone ({@link #dueReminderAt}, {@link #overdueAt},
 * {@link #nextDigestAt}), so they are the same on every instance and tested without a clock.
 */
public record NotificationPreferences(ZoneId zone, String language, Set<NotificationKind> disabled, int dueLeadDays,
                                      LocalTime reminderTime, LocalTime quietStart, LocalTime quietEnd,
                                      boolean handedInDigest, LocalTime digestTime) {

    public static final LocalTime DEFAULT_REMINDER_TIME = LocalTime.of(18, 0);
    public static final LocalTime DEFAULT_QUIET_START = LocalTime.of(21, 0);
    public static final LocalTime DEFAULT_QUIET_END = LocalTime.of(8, 0);
    public static final LocalTime DEFAULT_DIGEST_TIME = LocalTime.of(8, 0);
    public static final int DEFAULT_DUE_LEAD_DAYS = 1;

    public NotificationPreferences {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(language, "language");
        disabled = disabled.isEmpty() ? EnumSet.noneOf(NotificationKind.class) : EnumSet.copyOf(disabled);
        if (dueLeadDays < 0 || dueLeadDays > 2) {
            throw new IllegalArgumentException("dueLeadDays must be 0, 1 or 2");
        }
        Objects.requireNonNull(reminderTime, "reminderTime");
        Objects.requireNonNull(digestTime, "digestTime");
        if ((quietStart == null) != (quietEnd == null)) {
            throw new IllegalArgumentException("quiet hours need a start and an end");
        }
    }

    /** Everyone's preferences until they change them: every kind on, reminders a day ahead at 18:00, quiet 21–8. */
    public static NotificationPreferences defaults(ZoneId zone, String language) {
        return new NotificationPreferences(zone, language, Set.of(), DEFAULT_DUE_LEAD_DAYS, DEFAULT_REMINDER_TIME,
                DEFAULT_QUIET_START, DEFAULT_QUIET_END, true, DEFAULT_DIGEST_TIME);
    }

    /** Whether a notification of {@code kind} goes out to this person. */
    public boolean wants(NotificationKind kind) {
        NotificationKind switchedBy = kind.switchedBy();
        return switchedBy == null || !disabled.contains(switchedBy);
    }

    public NotificationPreferences without(NotificationKind kind) {
        EnumSet<NotificationKind> off = disabled.isEmpty() ? EnumSet.noneOf(NotificationKind.class) : EnumSet.copyOf(disabled);
        off.add(kind);
        return new NotificationPreferences(zone, language, off, dueLeadDays, reminderTime, quietStart, quietEnd,
                handedInDigest, digestTime);
    }

    /**
     * When to remind of homework due at {@code dueAt}: {@link #dueLeadDays()} days before the due day, at the
     * reminder time, moved to the end of quiet hours if it falls in them; empty when that is not before the due time
     * (a reminder after the deadline would only confuse).
     */
    public Optional<Instant> dueReminderAt(Instant dueAt) {
        LocalDate dueDay = dueAt.atZone(zone).toLocalDate();
        Instant at = outOfQuietHours(ZonedDateTime.of(dueDay.minusDays(dueLeadDays), reminderTime, zone).toInstant());
        return at.isBefore(dueAt) ? Optional.of(at) : Optional.empty();
    }

    /** When to say homework is overdue: at the due time, or at the end of quiet hours if it falls in them. */
    public Instant overdueAt(Instant dueAt) {
        return outOfQuietHours(dueAt);
    }

    /** The next digest time after {@code now}. */
    public Instant nextDigestAt(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime today = ZonedDateTime.of(local.toLocalDate(), digestTime, zone);
        return (today.toInstant().isAfter(now) ? today : today.plusDays(1)).toInstant();
    }

    /** {@code at}, or the end of the quiet hours it falls in. */
    public Instant outOfQuietHours(Instant at) {
        if (quietStart == null || quietStart.equals(quietEnd)) {
            return at;
        }
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        LocalTime time = local.toLocalTime();
        boolean wraps = quietStart.isAfter(quietEnd);
        boolean quiet = wraps ? !time.isBefore(quietStart) || time.isBefore(quietEnd)
                : !time.isBefore(quietStart) && time.isBefore(quietEnd);
        if (!quiet) {
            return at;
        }
        LocalDate endDay = wraps && !time.isBefore(quietStart) ? local.toLocalDate().plusDays(1) : local.toLocalDate();
        return ZonedDateTime.of(endDay, quietEnd, zone).toInstant();
    }
}
