package org.securebase.portal.library;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** content-service's published articles as {@link LibraryApi} reads them (unknown fields are ignored). */
public final class Articles {

    private Articles() {
    }

    public record Summary(UUID id, String slug, String title, String summary, String status, int version,
                          List<String> tags, int readingMinutes, Instant publishedAt) {
    }

    public record Page(List<Summary> items, int page, int size, long totalItems, int totalPages) {
    }

    public record Article(UUID id, String slug, String title, String summary, String status, int version,
                          List<String> tags, int readingMinutes, Series series, Instant publishedAt, String html,
                          List<Section> sections) {
    }

    public record Series(Link previous, Link next) {
    }

    public record Link(String slug, String title, String status) {
    }

    public record Section(String anchor, String heading, int level, List<String> paragraphs, List<ArticleList> lists) {
    }

    public record ArticleList(String id, boolean ordered, List<Item> items) {
    }

    public record Item(String id, String text) {
    }

    /** One version of an article, as pinned to an assignment: it never changes once published. */
    public record Reading(UUID articleId, String slug, int version, boolean latest, String title, String summary,
                          int readingMinutes, String html, List<Section> sections) {
    }
}
