package org.securebase.content.rendering;

/**
 * Markdown the service will not store. CommonMark itself accepts any text, so "malformed" here means text
 * that could not be stored or rendered safely: characters PostgreSQL cannot hold (NUL) or that are not
 * Unicode (lone surrogates), invisible control characters, or nesting so deep that rendering it would
 * exhaust the stack. The message is written for the author and never echoes the input.
 */
public class MarkdownRejectedException extends RuntimeException {

    public MarkdownRejectedException(String message) {
        super(message, null, false, false);
    }
}
