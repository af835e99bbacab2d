package org.securebase.journal.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every possible total of each instrument lands in the published band; the progress markers at their thresholds. */
class ScoringTest {

    private static final Instruments INSTRUMENTS = new Instruments();
    private static final InstrumentDefinition PHQ9 = INSTRUMENTS.current("phq-9").orElseThrow();
    private static final InstrumentDefinition GAD7 = INSTRUMENTS.current("gad-7").orElseThrow();

    /** PHQ-9 (Kroenke, Spitzer and Williams 2001): 0-4, 5-9, 10-14, 15-19, 20-27. */
    static String phq9Band(int total) {
        if (total <= 4) return "minimal";
        if (total <= 9) return "mild";
        if (total <= 14) return "moderate";
        if (total <= 19) return "moderately-severe";
        return "severe";
    }

    /** GAD-7 (Spitzer et al. 2006): 0-4, 5-9, 10-14, 15-21. */
    static String gad7Band(int total) {
        if (total <= 4) return "minimal";
        if (total <= 9) return "mild";
        if (total <= 14) return "moderate";
        return "severe";
    }

    static IntStream phq9Totals() {
        return IntStream.rangeClosed(0, 27);
    }

    static IntStream gad7Totals() {
        return IntStream.rangeClosed(0, 21);
    }

    @ParameterizedTest
    @MethodSource("phq9Totals")
    void everyPhq9TotalHasItsPublishedBand(int total) {
        // Filled from item 1, item 9 is only reached by totals above 24 (8 items of 3).
        Scoring.Score score = Scoring.score(PHQ9, answersSummingTo(PHQ9, total, null));
        assertThat(score.total()).isEqualTo(total);
        assertThat(score.band().code()).isEqualTo(phq9Band(total));
        assertThat(score.needsAttention()).isEqualTo(total > 24);
    }

    @ParameterizedTest
    @MethodSource("gad7Totals")
    void everyGad7TotalHasItsPublishedBand(int total) {
        Scoring.Score score = Scoring.score(GAD7, answersSummingTo(GAD7, total, null));
        assertThat(score.total()).isEqualTo(total);
        assertThat(score.band().code()).isEqualTo(gad7Band(total));
        assertThat(score.needsAttention()).isFalse();
    }

    @Test
    void theTotalsRunFromZeroToTheMaximum() {
        assertThat(PHQ9.maximumTotal()).isEqualTo(27);
        assertThat(GAD7.maximumTotal()).isEqualTo(21);
        assertThatThrownBy(() -> PHQ9.bandOf(28)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GAD7.bandOf(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anyAnswerAboveZeroToPhq9ItemNineNeedsAttention() {
        for (int value = 1; value <= 3; value++) {
            Map<Integer, Integer> answers = answersSummingTo(PHQ9, 0, 0);
            answers.put(9, value);
            assertThat(Scoring.score(PHQ9, answers).needsAttention()).as("item 9 = %d", value).isTrue();
        }
        Map<Integer, Integer> allButNine = answersSummingTo(PHQ9, 24, 0);
        assertThat(Scoring.score(PHQ9, allButNine).needsAttention()).isFalse();
        assertThat(GAD7.safetyItem()).isEmpty();
        Map<Integer, Integer> allHigh = answersSummingTo(GAD7, 21, null);
        assertThat(Scoring.score(GAD7, allHigh).needsAttention()).isFalse();
    }

    @Test
    void aMissingItemOrAnOptionOutsideTheInstrumentIsNotScored() {
        Map<Integer, Integer> missing = answersSummingTo(PHQ9, 5, null);
        missing.remove(3);
        assertThatThrownBy(() -> Scoring.score(PHQ9, missing)).isInstanceOf(IllegalArgumentException.class);
        Map<Integer, Integer> outside = answersSummingTo(GAD7, 5, null);
        outside.put(2, 4);
        assertThatThrownBy(() -> Scoring.score(GAD7, outside)).isInstanceOf(IllegalArgumentException.class);
        Map<Integer, Integer> negative = answersSummingTo(GAD7, 5, null);
        negative.put(1, -1);
        assertThatThrownBy(() -> Scoring.score(GAD7, negative)).isInstanceOf(IllegalArgumentException.class);
        Map<Integer, Integer> extra = answersSummingTo(GAD7, 5, null);
        extra.put(8, 0);
        assertThatThrownBy(() -> Scoring.score(GAD7, extra)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFirstResultHasNoChange() {
        assertThat(Scoring.progress(PHQ9, 14, null, null)).isEqualTo(Scoring.Progress.FIRST);
    }

    @Test
    void phq9ReliableChangeIsSixPoints() {
        assertThat(Scoring.progress(PHQ9, 9, 15, 12))
                .isEqualTo(new Scoring.Progress(-6, -3, Scoring.ReliableChange.IMPROVED, false));
        assertThat(Scoring.progress(PHQ9, 10, 15, 12).reliableChange()).isEqualTo(Scoring.ReliableChange.NONE);
        assertThat(Scoring.progress(PHQ9, 21, 15, 12).reliableChange()).isEqualTo(Scoring.ReliableChange.DETERIORATED);
        assertThat(Scoring.progress(PHQ9, 20, 15, 12).reliableChange()).isEqualTo(Scoring.ReliableChange.NONE);
    }

    @Test
    void gad7ReliableChangeIsFourPoints() {
        assertThat(Scoring.progress(GAD7, 8, 12, 8).reliableChange()).isEqualTo(Scoring.ReliableChange.IMPROVED);
        assertThat(Scoring.progress(GAD7, 9, 12, 8).reliableChange()).isEqualTo(Scoring.ReliableChange.NONE);
        assertThat(Scoring.progress(GAD7, 16, 12, 8).reliableChange()).isEqualTo(Scoring.ReliableChange.DETERIORATED);
        assertThat(Scoring.progress(GAD7, 15, 12, 8).reliableChange()).isEqualTo(Scoring.ReliableChange.NONE);
    }

    @Test
    void aResponseIsAFallOfAtLeastHalfOfTheFirstTotal() {
        assertThat(Scoring.progress(PHQ9, 10, 20, 15).response()).isTrue();
        assertThat(Scoring.progress(PHQ9, 11, 20, 15).response()).isFalse();
        assertThat(Scoring.progress(PHQ9, 7, 15, 9).response()).isTrue();
        assertThat(Scoring.progress(PHQ9, 8, 15, 9).response()).isFalse();
        assertThat(Scoring.progress(GAD7, 0, 0, 0).response()).isFalse();
    }

    @Test
    void aDefinitionWhoseBandsLeaveAGapIsRefused() {
        List<InstrumentDefinition.Band> gap = List.of(new InstrumentDefinition.Band("low", "Low", 0, 3),
                new InstrumentDefinition.Band("high", "High", 5, 6));
        assertThatThrownBy(() -> new InstrumentDefinition("x", 1, "X", "", "stem", "1-1", "", "2-2", "",
                GAD7.options(), GAD7.items().subList(0, 2), gap, 2, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not start at 4");
    }

    /**
     * Answers of every item whose values sum to {@code total}, filled greedily from the first item; {@code item9}, if
     * given, is fixed at that value for PHQ-9's ninth item and the rest is spread over the others.
     */
    static Map<Integer, Integer> answersSummingTo(InstrumentDefinition definition, int total, Integer item9) {
        Map<Integer, Integer> answers = new HashMap<>();
        int left = total;
        for (InstrumentDefinition.Item item : definition.items()) {
            if (item9 != null && item.number() == 9) {
                answers.put(9, item9);
                left -= item9;
                continue;
            }
            int value = Math.min(3, left);
            answers.put(item.number(), value);
            left -= value;
        }
        if (left != 0) {
            throw new IllegalArgumentException("cannot reach " + total);
        }
        return answers;
    }
}
