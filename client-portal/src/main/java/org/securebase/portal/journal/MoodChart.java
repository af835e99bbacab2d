package org.securebase.portal.journal;

import org.securebase.portal.forms.PageLanguage;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The geometry of the mood-over-time chart, drawn by the template as inline SVG. Built on the server because the
 * portal's CSP allows no inline script, and because a chart computed here can be tested without a browser. The
 * x axis is time (not the entry's position), so a week without entries shows as a gap rather than vanishing.
 *
 * @param points    the moods, oldest first, in SVG user units
 * @param polyline  the {@code points} attribute of the line joining them ("" with fewer than two points)
 * @param levels    a grid line per value of the mood scale
 * @param dayLabels the dates under the x axis: the first and the last day
 * @param first     the oldest mood shown, or null when there is none
 * @param last      the newest mood shown, or null when there is none
 * @param average   the mean mood with one decimal ("" when there is none)
 * @param from      the day of the oldest mood ("" when there is none)
 * @param to        the day of the newest mood ("" when there is none)
 */
record MoodChart(List<Point> points, String polyline, List<Level> levels, List<DayLabel> dayLabels, Integer first,
                 Integer last, String average, String from, String to) {

    // A narrow viewBox: scaled to a phone's width its 12-unit text stays readable; CSS caps the width on a desktop.
    static final int WIDTH = 360;
    static final int HEIGHT = 200;
    static final int LEFT = 32;
    static final int RIGHT = 12;
    static final int TOP = 12;
    static final int BOTTOM = 36;

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** An entry's mood at the moment it was written; entries without a mood are left out of the chart. */
    record Reading(Instant at, Integer mood) {
    }

    /** @param day the entry's date, for the point's tooltip */
    record Point(String x, String y, int mood, Instant at, String day) {
    }

    /** @param y where the grid line of this mood value runs */
    record Level(int mood, String y) {
    }

    /** @param anchor start, middle or end: which end of the label sits at {@code x} (a CSS class in the template) */
    record DayLabel(String x, String label, String anchor) {
    }

    static MoodChart of(List<Reading> readings, ZoneId zone) {
        List<Reading> moods = readings.stream().filter(Objects::nonNull)
                .filter(r -> r.at() != null && r.mood() != null)
                .filter(r -> r.mood() >= Journal.MOOD_MIN && r.mood() <= Journal.MOOD_MAX)
                .sorted(Comparator.comparing(Reading::at)).toList();
        List<Level> levels = IntStream.rangeClosed(Journal.MOOD_MIN, Journal.MOOD_MAX)
                .mapToObj(mood -> new Level(mood, number(y(mood)))).toList();
        if (moods.isEmpty()) {
            return new MoodChart(List.of(), "", levels, List.of(), null, null, "", "", "");
        }
        DateTimeFormatter fullDay = FULL.withLocale(PageLanguage.current());
        DateTimeFormatter shortDay = SHORT.withLocale(PageLanguage.current());
        Instant oldest = moods.get(0).at();
        Instant newest = moods.get(moods.size() - 1).at();
        long span = newest.toEpochMilli() - oldest.toEpochMilli();
        List<Point> points = moods.stream().map(r -> new Point(number(x(r.at(), oldest, span)), number(y(r.mood())),
                r.mood(), r.at(), fullDay.format(r.at().atZone(zone)))).toList();
        String polyline = points.size() < 2 ? ""
                : String.join(" ", points.stream().map(p -> p.x() + "," + p.y()).toList());
        String firstDay = shortDay.format(oldest.atZone(zone));
        String lastDay = shortDay.format(newest.atZone(zone));
        List<DayLabel> dayLabels = span == 0 || firstDay.equals(lastDay)
                ? List.of(new DayLabel(number(LEFT + plotWidth() / 2.0), firstDay, "middle"))
                : List.of(new DayLabel(number(LEFT), firstDay, "start"),
                          new DayLabel(number(WIDTH - RIGHT), lastDay, "end"));
        double mean = moods.stream().mapToInt(Reading::mood).average().orElse(0);
        return new MoodChart(points, polyline, levels, dayLabels, moods.get(0).mood(),
                moods.get(moods.size() - 1).mood(), String.format(Locale.ROOT, "%.1f", mean),
                fullDay.format(oldest.atZone(zone)), fullDay.format(newest.atZone(zone)));
    }

    // Public: the template calls these through SpEL, which only sees public methods.
    public boolean empty() {
        return points.isEmpty();
    }

    public int count() {
        return points.size();
    }

    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    /** Where the mood values are written, just left of the plot. */
    public String levelLabelX() {
        return number(LEFT - 8);
    }

    public String plotLeft() {
        return number(LEFT);
    }

    public String plotRight() {
        return number(WIDTH - RIGHT);
    }

    /** The baseline of the dates under the plot. */
    public String dayLabelY() {
        return number(HEIGHT - BOTTOM / 3.0);
    }

    private static double plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    private static double y(int mood) {
        double plotHeight = HEIGHT - TOP - BOTTOM;
        return TOP + (Journal.MOOD_MAX - mood) * plotHeight / (Journal.MOOD_MAX - Journal.MOOD_MIN);
    }

    /** One moment alone sits in the middle; otherwise the oldest is on the left edge and the newest on the right. */
    private static double x(Instant at, Instant oldest, long span) {
        if (span == 0) {
            return LEFT + plotWidth() / 2.0;
        }
        return LEFT + (at.toEpochMilli() - oldest.toEpochMilli()) * plotWidth() / span;
    }

    /** SVG numbers: one decimal at most, always with a dot whatever the server's locale. */
    private static String number(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
