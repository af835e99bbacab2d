package org.securebase.content.article;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.securebase.content.rendering.Section;

/**
 * One published version of an article, as it was published.
 *
 * @param latest   whether this is the version readers of the article currently get
 * @param language the language this version is written in (ISO 639-1)
 */
public record ArticleVersionView(
        UUID articleId,
        String slug,
        int version,
        boolean latest,
        String title,
        String summary,
        String language,
        List<String> tags,
        int readingMinutes,
        Instant publishedAt,
        String markdown,
        String html,
        List<Section> sections) {
}
