package org.securebase.content.library;

import java.util.List;

import org.securebase.platform.contracts.ContentLimits;

/**
 * One article as a library file holds it.
 *
 * @param slug      from the front matter, or {@code null} when the file's name gives it
 * @param language  the article's language ({@code language: es}); the default when the front matter does not say
 * @param published whether the front matter asks for the article to be published ({@code status: published})
 * @param next      the slug of the article that follows this one in a series, or {@code null}
 * @param nextLine  the line of the front matter naming {@code next}, for messages about it; 0 when absent
 */
record LibraryArticle(String slug, String title, String summary, String language, List<String> tags,
                      boolean published, String next, int nextLine, String markdown) {

    LibraryArticle {
        summary = summary == null ? "" : summary;
        language = language == null ? ContentLimits.DEFAULT_LANGUAGE : language;
        tags = tags == null ? List.of() : List.copyOf(tags);
        markdown = markdown == null ? "" : markdown;
    }
}
