package org.securebase.content.rendering;

import java.util.List;

/**
 * Everything derived from one Markdown body.
 *
 * @param html           sanitized HTML, safe to insert into a page as is
 * @param sections       the structure of the body
 * @param plainText      all text, for the search index
 * @param wordCount      words in {@code plainText}
 * @param readingMinutes estimated reading time at 200 words a minute, rounded up; 0 for an empty body
 */
public record RenderedBody(String html, List<Section> sections, String plainText, int wordCount, int readingMinutes) {

    public RenderedBody {
        sections = List.copyOf(sections);
    }

    public boolean isEmpty() {
        return wordCount == 0;
    }
}
