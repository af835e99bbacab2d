package org.securebase.portal.measure;

import org.securebase.portal.forms.PageLanguage;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of one instrument's results over time, drawn by the template as inline SVG with the instrument's
 * severity bands behind the line. Built on the server because the portal's CSP allows no inline script or style, and
 * so it is tested without a browser; the same results are listed in a table beside it for anyone who cannot see it.
 * Results are spaced evenly in the order they were submitted: measures come on a schedule, and a table gives dates.
 */
public record MeasureChart(String title, int maximum, List<BandArea> bands, List<Point> points, String polyline,
                           List<Row> rows) {

    static final int WIDTH = 360;
    static final int HEIGHT = 200;
    static final int LEFT = 32;
    static final int RIGHT = 12;
    static final int TOP = 12;
    static final int BOTTOM = 24;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** A severity band as a rectangle; {@code code} names its CSS class (band-minimal ... band-severe). */
    public record BandArea(String code, String label, String y, String height, String labelY) {
    }

    public record Point(String x, String y, int total, String day) {
    }

    public record Row(String day, int total, String band) {
    }

    /** The chart of the submitted results of {@code instrument} among {@code instances}; empty rows when none. */
    static MeasureChart of(Measures.Instrument instrument, List<Measures.Instance> instances, ZoneId zone) {
        List<Measures.Instance> results = instances.stream()
                .filter(instance -> instance.result() != null && instance.submittedAt() != null)
                .filter(instance -> codeOf(instance.instrument()).equals(instrument.code()))
                .sorted(Comparator.comparing(Measures.Instance::submittedAt)).toList();
        int maximum = instrument.bands().isEmpty() ? 1 : instrument.bands().get(instrument.bands().size() - 1).max();
        List<BandArea> bands = new ArrayList<>();
        for (int i = 0; i < instrument.bands().size(); i++) {
            Measures.Band band = instrument.bands().get(i);
            // Each band reaches up to where the next one starts, so the areas meet with no gap.
            double upper = i == instrument.bands().size() - 1 ? maximum : band.max() + 1;
            double top = y(upper, maximum);
            double bottom = y(band.min(), maximum);
            bands.add(new BandArea(band.code(), band.label(), number(top), number(bottom - top),
                    number((top + bottom) / 2 + 4)));
        }
        List<Point> points = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Measures.Instance result = results.get(i);
            String day = DAY.withLocale(PageLanguage.current()).format(result.submittedAt().atZone(zone));
            points.add(new Point(number(x(i, results.size())), number(y(result.result().total(), maximum)),
                    result.result().total(), day));
            rows.add(new Row(day, result.result().total(), result.result().bandLabel()));
        }
        String polyline = points.size() < 2 ? ""
                : String.join(" ", points.stream().map(point -> point.x() + "," + point.y()).toList());
        return new MeasureChart(instrument.title(), maximum, bands, points, polyline, rows);
    }

    // Public: the template calls these through SpEL, which only sees public methods.
    public boolean empty() {
        return points.isEmpty();
    }

    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    public String plotLeft() {
        return number(LEFT);
    }

    public String plotWidth() {
        return number(WIDTH - LEFT - RIGHT);
    }

    public String bandLabelX() {
        return number(WIDTH - RIGHT - 4);
    }

    /** {@code phq-9.v1} to {@code phq-9}: results of every version of an instrument belong on one chart. */
    static String codeOf(String key) {
        int version = key.lastIndexOf(".v");
        return version < 0 ? key : key.substring(0, version);
    }

    private static double y(double total, int maximum) {
        return TOP + (maximum - total) * (HEIGHT - TOP - BOTTOM) / maximum;
    }

    private static double x(int index, int count) {
        double width = WIDTH - LEFT - RIGHT;
        return count == 1 ? LEFT + width / 2 : LEFT + index * width / (count - 1);
    }

    private static String number(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
