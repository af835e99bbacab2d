package org.securebase.portal.forms;

/** Text as a form sent it, made ready to count and to send. */
public final class FormText {

    private FormText() {
    }

    /**
     * Browsers send a textarea's line breaks as CRLF but count each as one character (as a person does, and as a
     * character counter shows); as LF they count here and in the services the same way, so text within the limit as
     * the person sees it is never refused for its line breaks. Nothing else changes; null becomes empty.
     */
    public static String lines(String typed) {
        return typed == null ? "" : typed.replace("\r\n", "\n");
    }

    /** {@link #lines} without the blank lines and spaces around the text, which say nothing. */
    public static String trimmed(String typed) {
        return lines(typed).strip();
    }
}
