package org.securebase.content.article;

import java.util.List;

/**
 * What an author writes, validated and normalized: the input of {@link ArticleAuthoring}.
 *
 * @param language the language it is written in (one of {@code ContentLimits.LANGUAGES}), or {@code null} to keep
 *                 the article's (a new article's is {@code ContentLimits.DEFAULT_LANGUAGE})
 * @param nextSlug the article that follows this one in a series, or {@code null}
 */
public record ArticleContent(String title, String summary, String language, String markdown, List<String> tags,
                             String nextSlug) {

    public ArticleContent {
        summary = summary == null ? "" : summary;
        markdown = markdown == null ? "" : markdown;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
