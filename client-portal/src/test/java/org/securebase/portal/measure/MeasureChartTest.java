package org.securebase.portal.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class MeasureChartTest {

    static final Measures.Instrument PHQ9 = new Measures.Instrument("phq-9.v1", "phq-9", "PHQ-9", "stem", null,
            List.of(), List.of(), List.of(new Measures.Band("minimal", "Minimal", 0, 4),
            new Measures.Band("mild", "Mild", 5, 9), new Measures.Band("moderate", "Moderate", 10, 14),
            new Measures.Band("moderately-severe", "Moderately severe", 15, 19),
            new Measures.Band("severe", "Severe", 20, 27)));

    static Measures.Instance result(String instrument, int total, String band, String submitted) {
        return new Measures.Instance(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), instrument, "PHQ-9",
                "SUBMITTED", Instant.parse(submitted), Instant.parse(submitted), Map.of(),
                new Measures.Result(total, 27, band, band, null, null, "NONE", false), false, null);
    }

    @Test
    void theBandsTileThePlotAndTheResultsAreDrawnOldestFirstWithATableRowEach() {
        MeasureChart chart = MeasureChart.of(PHQ9, List.of(
                result("phq-9.v1", 0, "Minimal", "2026-12-17T10:00:00Z"),
                result("phq-9.v1", 27, "Severe", "2026-12-03T10:00:00Z"),
                result("gad-7.v1", 5, "Mild", "2026-12-04T10:00:00Z")), ZoneOffset.UTC);

        assertThat(chart.bands()).extracting(MeasureChart.BandArea::code)
                .containsExactly("minimal", "mild", "moderate", "moderately-severe", "severe");
        // The top band starts at the plot's top (27), the bottom one ends at its bottom (0); each meets the next.
        double top = Double.parseDouble(chart.bands().get(4).y());
        assertThat(top).isEqualTo(MeasureChart.TOP);
        MeasureChart.BandArea minimal = chart.bands().get(0);
        assertThat(Double.parseDouble(minimal.y()) + Double.parseDouble(minimal.height()))
                .isEqualTo(MeasureChart.HEIGHT - MeasureChart.BOTTOM);
        for (int i = 0; i < 4; i++) {
            MeasureChart.BandArea lower = chart.bands().get(i);
            MeasureChart.BandArea upper = chart.bands().get(i + 1);
            assertThat(Double.parseDouble(upper.y()) + Double.parseDouble(upper.height()))
                    .isCloseTo(Double.parseDouble(lower.y()), org.assertj.core.data.Offset.offset(0.11));
        }
        assertThat(chart.points()).extracting(MeasureChart.Point::total).containsExactly(27, 0);
        assertThat(chart.points().get(0).y()).isEqualTo(String.valueOf(MeasureChart.TOP));
        assertThat(chart.points().get(1).y()).isEqualTo(String.valueOf(MeasureChart.HEIGHT - MeasureChart.BOTTOM));
        assertThat(chart.polyline()).isEqualTo("32,12 348,176");
        assertThat(chart.rows()).containsExactly(new MeasureChart.Row("3 Dec 2026", 27, "Severe"),
                new MeasureChart.Row("17 Dec 2026", 0, "Minimal"));
    }

    @Test
    void withoutResultsThereIsNoChart() {
        assertThat(MeasureChart.of(PHQ9, List.of(), ZoneOffset.UTC).empty()).isTrue();
    }
}
