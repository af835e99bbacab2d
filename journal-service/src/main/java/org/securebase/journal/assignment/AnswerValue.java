package org.securebase.journal.assignment;

import java.util.List;

/**
 * An answer's content, stored encrypted as one JSON document: {@code text} for a TEXT prompt,
 * {@code checkedItemIds} for a CHECKLIST, {@code value} for a SCALE. Clinical: toString shows none of it.
 */
record AnswerValue(String text, List<String> checkedItemIds, Integer value) {

    @Override
    public String toString() {
        return "AnswerValue[redacted]";
    }
}
