package org.securebase.portal.library;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** content-service's published articles as {@link LibraryApi} reads them (unknown fields are ignored). */
public final class Articles {

    private Articles() {
    }

    /** {@code language}: what the article is written in (ISO 639-1), for the {@code lang} of its title and body. */
    public record Summary(UUID id, String slug, String title, String summary, String language, String status, int version,
                          List<String> tags, int readingMinutes, Instant publishedAt) {
    }

    public record Page(List<Summary> items, int page, int size, long totalItems, int totalPages) {
    }

    public record Article(UUID id, String slug, String title, String summary, String language, String status, int version,
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
                          String language, int readingMinutes, String html, List<Section> sections) {

        /** The texts of the items of the version's lists by item id: what a checklist prompt's ticks refer to. */
        public Map<String, String> itemTexts() {
            Map<String, String> texts = new LinkedHashMap<>();
            if (sections != null) {
                sections.stream().filter(s -> s.lists() != null).flatMap(s -> s.lists().stream())
                        .filter(l -> l.items() != null).flatMap(l -> l.items().stream())
                        .forEach(item -> texts.putIfAbsent(item.id(), item.text()));
            }
            return Collections.unmodifiableMap(texts);
        }
    }
}
