package org.securebase.portal.writing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.securebase.platform.contracts.ArticleAuthors;

/**
 * content-service's article answers and requests as {@link AuthoringApi} sends and reads them (unknown fields are
 * ignored). The limits the portal checks before sending anything are platform-contracts' {@code ContentLimits}.
 */
final class Writing {

    private Writing() {
    }

    /** A line of the catalog; {@code version} is 0 for an article never published. */
    record Summary(UUID id, String slug, String title, String summary, String status, int version,
                   Instant publishedAt, Instant updatedAt, UUID authorId) {

        public boolean writtenBy(String person) {
            return authorId != null && authorId.toString().equals(person);
        }

        public boolean practices() {
            return ArticleAuthors.PRACTICE.equals(authorId);
        }
    }

    record Page(List<Summary> items, int page, int size, long totalItems, int totalPages) {
    }

    record Link(String slug, String title, String status) {
    }

    record Series(Link previous, Link next) {
    }

    /** An article as an author gets it: with its Markdown, and who wrote it (only they may change it). */
    record Article(UUID id, String slug, String title, String summary, String language, String status, int version,
                   List<String> tags, Series series, Instant updatedAt, Instant publishedAt, String markdown, UUID authorId) {

        boolean changeableBy(String person) {
            try {
                return ArticleAuthors.mayChange(authorId, UUID.fromString(person));
            } catch (IllegalArgumentException notAnIdOfOurs) {
                return false;
            }
        }

        boolean published() {
            return "published".equals(status);
        }

        String nextSlug() {
            return series == null || series.next() == null ? null : series.next().slug();
        }
    }

    /**
     * An article with the entity tag of the representation it came in. content-service requires it back in
     * {@code If-Match} on every change, so a save never silently undoes someone else's.
     */
    record Opened(Article article, String etag) {
    }

    /** {@code POST /api/content/articles}; a null slug lets content-service derive one from the title. */
    record CreateRequest(String slug, String title, String summary, String language, String markdown,
                         List<String> tags, String nextSlug) {
    }

    /** {@code PUT /api/content/articles/{slug}}: the whole new content (what is left out is removed). */
    record UpdateRequest(String title, String summary, String language, String markdown, List<String> tags,
                         String nextSlug) {
    }
}
