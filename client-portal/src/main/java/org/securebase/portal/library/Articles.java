package org.securebase.portal.library;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The content API's answers as the portal reads them (unknown fields are ignored). */
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
}
