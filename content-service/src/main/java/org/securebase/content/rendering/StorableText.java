package org.securebase.content.rendering;

/**
 * Text PostgreSQL can store and a reader can see: no NUL (PostgreSQL text cannot hold it), no lone UTF-16
 * surrogates (not encodable as UTF-8), no other invisible control characters than tab and line breaks.
 * Checked on every text input, so such input is a 400 rather than a 500 from the database.
 */
public final class StorableText {

    private StorableText() {
    }

    public static boolean isStorable(String text) {
        if (text == null) {
            return true;
        }
        return text.codePoints().noneMatch(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f
                || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE));
    }
}
