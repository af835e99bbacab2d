package org.securebase.content.search;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.securebase.content.article.ArticleStatus;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A line of the catalog.
 *
 * @param language the language it is written in (ISO 639-1); a search matches it with that language's rules
 * @param rank     how well the article matches the search ({@code ts_rank}); absent without a search
 */
public record ArticleSummary(UUID id, String slug, String title, String summary, String language, ArticleStatus status,
                             int version,
                             List<String> tags, int readingMinutes, Instant publishedAt, Instant updatedAt,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Float rank) {
}
