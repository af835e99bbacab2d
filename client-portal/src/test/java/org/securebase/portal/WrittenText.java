package org.securebase.portal;

/**
 * Text of an exact length (in Java chars, the unit the services and the portal count), written like a person writes:
 * words, punctuation, letters outside ASCII, an emoji (two chars) and, in {@link #ofLength}, line breaks. Nothing in
 * it is escaped in HTML (no {@code & < > " '}), so a page that keeps it contains it verbatim, and it neither starts
 * nor ends with a blank, which forms drop.
 */
public final class WrittenText {

    private static final String PARAGRAPH = "Ich schäme mich nicht – I said it out loud 🙂. Next time, café first; then"
            + " the walk (20 min) and the call.\n";

    private WrittenText() {
    }

    /** Text with line breaks (LF, as the portal sends them), for a textarea. */
    public static String ofLength(int length) {
        return exactly(length, PARAGRAPH);
    }

    /** Text without line breaks, for a one-line field. */
    public static String lineOfLength(int length) {
        return exactly(length, PARAGRAPH.replace('\n', ' '));
    }

    private static String exactly(int length, String unit) {
        StringBuilder text = new StringBuilder(length + unit.length());
        while (text.length() < length) {
            text.append(unit);
        }
        text.setLength(length);
        char last = text.charAt(length - 1);
        // Never end on a blank (it would be trimmed) or on half of the emoji (not text at all).
        if (Character.isWhitespace(last) || Character.isHighSurrogate(last)) {
            text.setCharAt(length - 1, 'z');
        }
        if (text.length() != length) {
            throw new IllegalStateException("made " + text.length() + " chars instead of " + length);
        }
        return text.toString();
    }
}
