package org.securebase.journal.measure;

import java.util.Map;
import java.util.Objects;

/**
 * Scores a complete set of answers against its definition, and compares a total with the client's earlier ones.
 * Pure: no clock, no storage, so every total of every instrument is checked by unit tests.
 */
final class Scoring {

    private Scoring() {
    }

    /**
     * @param needsAttention the safety item (PHQ-9's ninth: thoughts of death or self-harm) was answered above 0
     */
    record Score(int total, InstrumentDefinition.Band band, boolean needsAttention) {
    }

    /** Whether the total moved by at least the instrument's reliable change since the first result. */
    enum ReliableChange {
        /** Fell by at least the threshold: better (lower is better on these scales). */
        IMPROVED,
        /** Rose by at least the threshold. */
        DETERIORATED,
        /** Moved less than the threshold, or this is the first result. */
        NONE
    }

    /**
     * @param sinceFirst    this total minus the first result's; null for the first result
     * @param sincePrevious this total minus the previous result's; null for the first result
     * @param response      fell by at least the instrument's response fraction of the first total
     */
    record Progress(Integer sinceFirst, Integer sincePrevious, ReliableChange reliableChange, boolean response) {

        static final Progress FIRST = new Progress(null, null, ReliableChange.NONE, false);
    }

    /**
     * The score of answers that name every item of the definition once (item number to option value); anything else
     * is the caller's error, so this throws instead of scoring a partial questionnaire.
     */
    static Score score(InstrumentDefinition definition, Map<Integer, Integer> answers) {
        Objects.requireNonNull(answers, "answers");
        if (answers.size() != definition.items().size()) {
            throw new IllegalArgumentException("Every item must be answered once");
        }
        int total = 0;
        for (InstrumentDefinition.Item item : definition.items()) {
            Integer value = answers.get(item.number());
            if (value == null || definition.option(value).isEmpty()) {
                throw new IllegalArgumentException("Item " + item.number() + " has no valid answer");
            }
            total += value;
        }
        boolean attention = definition.safetyItem().map(item -> answers.get(item.number()) > 0).orElse(false);
        return new Score(total, definition.bandOf(total), attention);
    }

    /** How {@code total} compares with the client's first and previous totals of the same instrument (null: none). */
    static Progress progress(InstrumentDefinition definition, int total, Integer first, Integer previous) {
        if (first == null) {
            return Progress.FIRST;
        }
        int sinceFirst = total - first;
        ReliableChange reliable = sinceFirst <= -definition.reliableChange() ? ReliableChange.IMPROVED
                : sinceFirst >= definition.reliableChange() ? ReliableChange.DETERIORATED : ReliableChange.NONE;
        // A response is a fall of at least half of the first total; a first total of 0 cannot fall, so never one.
        boolean response = first > 0 && (first - total) >= definition.responseReduction() * first;
        return new Progress(sinceFirst, previous == null ? null : total - previous, reliable, response);
    }
}
