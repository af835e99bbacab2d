package org.securebase.portal.journal;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MoodChartTest {

    static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");
    static final long DAY = 86_400;

    static MoodChart.Reading at(long days, Integer mood) {
        return new MoodChart.Reading(MONDAY.plusSeconds(days * DAY), mood);
    }

    @Test
    void oldestMoodIsOnTheLeftEdgeAndNewestOnTheRightWhateverTheOrderGiven() {
        // The list page gives entries newest first.
        MoodChart chart = MoodChart.of(List.of(at(2, 5), at(1, 3), at(0, 1)), ZoneOffset.UTC);

        // Plot from x 32 to 348; mood 5 at the top (y 12), mood 1 at the bottom (y 164).
        assertThat(chart.polyline()).isEqualTo("32,164 190,88 348,12");
        assertThat(chart.points()).extracting(MoodChart.Point::mood).containsExactly(1, 3, 5);
        assertThat(chart.count()).isEqualTo(3);
        assertThat(chart.viewBox()).isEqualTo("0 0 360 200");
    }

    @Test
    void timeNotPositionSetsTheDistanceBetweenPoints() {
        MoodChart chart = MoodChart.of(List.of(at(0, 2), at(1, 2), at(4, 2)), ZoneOffset.UTC);

        assertThat(chart.points()).extracting(MoodChart.Point::x).containsExactly("32", "111", "348");
    }

    @Test
    void entriesWithoutAMoodOrOutsideTheScaleAreLeftOut() {
        MoodChart chart = MoodChart.of(List.of(at(0, 2), at(1, null), at(2, 9), at(3, 0),
                new MoodChart.Reading(null, 3), at(4, 4)), ZoneOffset.UTC);

        assertThat(chart.points()).extracting(MoodChart.Point::mood).containsExactly(2, 4);
    }

    @Test
    void theSummaryGivesFirstLastAverageAndTheDays() {
        MoodChart chart = MoodChart.of(List.of(at(0, 2), at(3, 5), at(6, 4)), ZoneOffset.UTC);

        assertThat(chart.first()).isEqualTo(2);
        assertThat(chart.last()).isEqualTo(4);
        assertThat(chart.average()).isEqualTo("3.7");
        assertThat(chart.from()).isEqualTo("2 Mar 2026");
        assertThat(chart.to()).isEqualTo("8 Mar 2026");
        assertThat(chart.points().get(1).day()).isEqualTo("5 Mar 2026");
    }

    @Test
    void theAxesHaveAGridLinePerMoodAndTheFirstAndLastDay() {
        MoodChart chart = MoodChart.of(List.of(at(0, 2), at(6, 4)), ZoneOffset.UTC);

        assertThat(chart.levels()).extracting(MoodChart.Level::mood).containsExactly(1, 2, 3, 4, 5);
        assertThat(chart.levels()).extracting(MoodChart.Level::y).containsExactly("164", "126", "88", "50", "12");
        assertThat(chart.dayLabels()).containsExactly(new MoodChart.DayLabel("32", "2 Mar", "start"),
                new MoodChart.DayLabel("348", "8 Mar", "end"));
    }

    @Test
    void oneMoodIsAPointInTheMiddleWithoutALine() {
        MoodChart chart = MoodChart.of(List.of(at(0, 3)), ZoneOffset.UTC);

        assertThat(chart.polyline()).isEmpty();
        assertThat(chart.points()).containsExactly(new MoodChart.Point("190", "88", 3, MONDAY, "2 Mar 2026"));
        assertThat(chart.dayLabels()).containsExactly(new MoodChart.DayLabel("190", "2 Mar", "middle"));
    }

    @Test
    void daysFollowThePracticesTimeZone() {
        // 23:30 UTC on 2 March is already 3 March in Berlin.
        MoodChart chart = MoodChart.of(List.of(new MoodChart.Reading(Instant.parse("2026-03-02T23:30:00Z"), 3)),
                java.time.ZoneId.of("Europe/Berlin"));

        assertThat(chart.from()).isEqualTo("3 Mar 2026");
    }

    @Test
    void noMoodsIsAnEmptyChartThatStillKnowsItsScale() {
        MoodChart chart = MoodChart.of(List.of(at(0, null)), ZoneOffset.UTC);

        assertThat(chart.empty()).isTrue();
        assertThat(chart.polyline()).isEmpty();
        assertThat(chart.first()).isNull();
        assertThat(chart.levels()).hasSize(5);
    }
}
