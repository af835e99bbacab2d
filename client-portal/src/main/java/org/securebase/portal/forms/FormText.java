package org.securebase.portal.forms;

/** Text as a form sent it, made ready to count and to send. */
public final class FormText {

    private FormText() {
    }

    /**
     * Browsers send a textarea's line breaks as CRLF but count each as one character against {@code maxlength}; as LF
     * they count here and in the services as the browser counted them, so text the browser accepted is never refused
     * for its line breaks. Nothing else changes; null becomes empty.
     */
    public static String lines(String typed) {
        return typed == null ? "" : typed.replace("\r\n", "\n");
    }

    /** {@link #lines} without the blank lines and spaces around the text, which say nothing. */
    public static String trimmed(String typed) {
        return lines(typed).strip();
    }
}
