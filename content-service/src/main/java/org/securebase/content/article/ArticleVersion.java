package org.securebase.content.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.securebase.content.rendering.Section;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A published version of an article, frozen: assignments pin its number and must always get the same text. */
@Entity
@Immutable
@Table(name = "article_version")
class ArticleVersion {

    @Id
    private UUID id;

    @Column(name = "article_id")
    private UUID articleId;

    private int version;
    private String title;
    private String summary;
    private String language;

    @Column(name = "body_markdown")
    private String markdown;

    @Column(name = "body_html")
    private String html;

    @Convert(converter = SectionsConverter.class)
    private List<Section> sections;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private List<String> tags;

    @Column(name = "reading_minutes")
    private int readingMinutes;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "published_by")
    private UUID publishedBy;

    protected ArticleVersion() {
        // for JPA
    }

    static ArticleVersion snapshotOf(Article article, int number, UUID publishedBy, Instant now) {
        ArticleVersion snapshot = new ArticleVersion();
        snapshot.id = UUID.randomUUID();
        snapshot.articleId = article.id();
        snapshot.version = number;
        snapshot.title = article.title();
        snapshot.summary = article.summary();
        snapshot.language = article.language();
        snapshot.markdown = article.markdown();
        snapshot.html = article.html();
        snapshot.sections = article.sections();
        snapshot.tags = new ArrayList<>(article.tags());
        snapshot.readingMinutes = article.readingMinutes();
        snapshot.publishedAt = now;
        snapshot.publishedBy = publishedBy;
        return snapshot;
    }

    /** Whether the article's current content is exactly this version's, so publishing it again is no change. */
    boolean hasSameContentAs(Article article) {
        return title.equals(article.title()) && summary.equals(article.summary())
                && language.equals(article.language())
                && markdown.equals(article.markdown()) && tags.equals(article.tags());
    }

    UUID articleId() {
        return articleId;
    }

    int version() {
        return version;
    }

    String title() {
        return title;
    }

    String summary() {
        return summary;
    }

    String language() {
        return language;
    }

    String markdown() {
        return markdown;
    }

    String html() {
        return html;
    }

    List<Section> sections() {
        return sections;
    }

    List<String> tags() {
        return List.copyOf(tags);
    }

    int readingMinutes() {
        return readingMinutes;
    }

    Instant publishedAt() {
        return publishedAt;
    }

    UUID publishedBy() {
        return publishedBy;
    }
}
