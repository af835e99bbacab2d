package org.securebase.content.library;

import java.util.List;

/**
 * One article as a library file holds it.
 *
 * @param slug      from the front matter, or {@code null} when the file's name gives it
 * @param published whether the front matter asks for the article to be published ({@code status: published})
 * @param next      the slug of the article that follows this one in a series, or {@code null}
 * @param nextLine  the line of the front matter naming {@code next}, for messages about it; 0 when absent
 */
record LibraryArticle(String slug, String title, String summary, List<String> tags, boolean published, String next,
                      int nextLine, String markdown) {

    LibraryArticle {
        summary = summary == null ? "" : summary;
        tags = tags == null ? List.of() : List.copyOf(tags);
        markdown = markdown == null ? "" : markdown;
    }
}
