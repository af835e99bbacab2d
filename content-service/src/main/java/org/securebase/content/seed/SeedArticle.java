package org.securebase.content.seed;

/**
 * The seed text, converted.
 *
 * @param title     the first line
 * @param summary   the first paragraph, verbatim (nothing is invented)
 * @param markdown  the body: headings, paragraphs, lists
 * @param nextTitle the title the trailing "Next" navigation points to, or {@code null} if there is none
 */
public record SeedArticle(String title, String summary, String markdown, String nextTitle) {
}
