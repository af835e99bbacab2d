package org.securebase.content.article;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.securebase.content.rendering.Section;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An article as the API returns it.
 *
 * @param version  the published version this content is, or 0 for an article never published
 * @param language the language it is written in (ISO 639-1, {@code en} or {@code es})
 * @param markdown the source, only for authors (therapists and admins), who edit it
 * @param html     sanitized HTML of the body
 * @param sections the body's structure: headings with anchors, paragraphs, lists with stable item ids
 * @param series   the previous and next article, as far as the caller may see them
 */
public record ArticleView(
        UUID id,
        String slug,
        String title,
        String summary,
        String language,
        ArticleStatus status,
        int version,
        List<String> tags,
        int readingMinutes,
        UUID authorId,
        Series series,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        Instant retractedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String markdown,
        String html,
        List<Section> sections) {

    /** Neighbours in a series; a link is absent when there is none or the caller may not see it. */
    public record Series(ArticleLink previous, ArticleLink next) {
    }

    public record ArticleLink(String slug, String title, ArticleStatus status) {
    }
}
