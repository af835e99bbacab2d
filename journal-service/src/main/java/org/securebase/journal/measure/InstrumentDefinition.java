package org.securebase.journal.measure;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a standardised questionnaire, as read from its JSON definition. Every item shares the same response
 * options (true of PHQ-9 and GAD-7 and of most symptom scales); the total is the sum of the chosen option values.
 *
 * @param code             the instrument's stable name, {@code phq-9}
 * @param version          the definition's version; a result keeps the version it was answered with
 * @param stem             the question every item completes
 * @param reliableChange   the smallest change of the total counted as reliable (docs/measures.md)
 * @param responseReduction the fraction of the first total a later total must have fallen by to count as a response
 */
record InstrumentDefinition(String code, int version, String title, String copyright, String stem,
                            String panelLoinc, String panelLoincDisplay, String totalLoinc, String totalLoincDisplay,
                            List<Option> options, List<Item> items, List<Band> bands, int reliableChange,
                            double responseReduction) {

    /** A response option: its score and its text. */
    record Option(int value, String text, String loinc) {
    }

    /** An item; {@code safety} marks the one whose answer above 0 needs the therapist's attention (PHQ-9's ninth). */
    record Item(int number, String text, String loinc, boolean safety) {
    }

    /** A severity band of the total, both ends included. */
    record Band(String code, String label, int min, int max) {
    }

    InstrumentDefinition {
        Objects.requireNonNull(code, "code");
        options = List.copyOf(options);
        items = List.copyOf(items);
        bands = List.copyOf(bands);
        if (version < 1 || options.isEmpty() || items.isEmpty() || bands.isEmpty()) {
            throw new IllegalArgumentException(code + ": a definition needs a version, options, items and bands");
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).number() != i + 1) {
                throw new IllegalArgumentException(code + ": items must be numbered 1, 2, ... in order");
            }
        }
        // The bands must tile 0..maximum with no gap or overlap, or some total would have no band (or two).
        int maximum = items.size() * options.stream().mapToInt(Option::value).max().orElseThrow();
        int next = 0;
        for (Band band : bands) {
            if (band.min() != next || band.max() < band.min()) {
                throw new IllegalArgumentException(code + ": band " + band.code() + " does not start at " + next);
            }
            next = band.max() + 1;
        }
        if (next != maximum + 1) {
            throw new IllegalArgumentException(code + ": the bands end at " + (next - 1) + ", the maximum is " + maximum);
        }
        if (reliableChange < 1 || responseReduction <= 0 || responseReduction > 1) {
            throw new IllegalArgumentException(code + ": reliableChange and responseReduction are required");
        }
    }

    int maximumTotal() {
        return bands.get(bands.size() - 1).max();
    }

    Band bandOf(int total) {
        return bands.stream().filter(band -> total >= band.min() && total <= band.max()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(code + ": no band holds " + total));
    }

    Optional<Option> option(int value) {
        return options.stream().filter(option -> option.value() == value).findFirst();
    }

    Optional<Item> safetyItem() {
        return items.stream().filter(Item::safety).findFirst();
    }

    /** The key of the definition in stored rows and URLs: {@code phq-9.v1}. */
    String key() {
        return code + ".v" + version;
    }
}
