package org.securebase.content.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.securebase.content.rendering.RenderedBody;
import org.securebase.content.rendering.Section;
import org.securebase.platform.contracts.ContentLimits;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An article: its current content (for a published article, the content of its current version) and its
 * life cycle. State changes go through the methods below so the rules live in one place; the service
 * around it handles versions, events and access.
 */
@Entity
@Table(name = "article")
class Article {

    @Id
    private UUID id;

    @Version
    private long revision;

    private String slug;
    private String title;
    private String summary;

    /** ISO 639-1, one of {@code ContentLimits.LANGUAGES}: the text search configuration and the page's {@code lang}. */
    private String language;

    @Column(name = "body_markdown")
    private String markdown;

    @Column(name = "body_html")
    private String html;

    @Column(name = "body_text")
    private String plainText;

    @Convert(converter = SectionsConverter.class)
    private List<Section> sections;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private List<String> tags;

    @Column(name = "reading_minutes")
    private int readingMinutes;

    @Enumerated(EnumType.STRING)
    private ArticleStatus status;

    private int version;

    @Column(name = "author_id")
    private UUID authorId;

    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "next_article_id")
    private Article next;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "retracted_at")
    private Instant retractedAt;

    protected Article() {
        // for JPA
    }

    static Article draft(UUID id, String slug, UUID authorId, Instant now) {
        Article article = new Article();
        article.id = Objects.requireNonNull(id);
        article.slug = Objects.requireNonNull(slug);
        article.authorId = Objects.requireNonNull(authorId);
        article.status = ArticleStatus.DRAFT;
        article.language = ContentLimits.DEFAULT_LANGUAGE;
        article.createdAt = now;
        article.updatedAt = now;
        article.tags = new ArrayList<>();
        article.sections = List.of();
        return article;
    }

    /** Replaces the content. Whether this is a published change is the caller's business. */
    void edit(String newTitle, String newSummary, String newLanguage, String newMarkdown, RenderedBody rendered,
              List<String> newTags, Article newNext, Instant now) {
        this.title = newTitle;
        this.summary = newSummary;
        this.language = Objects.requireNonNull(newLanguage);
        this.markdown = newMarkdown;
        this.html = rendered.html();
        this.plainText = rendered.plainText();
        this.sections = rendered.sections();
        this.readingMinutes = rendered.readingMinutes();
        this.tags = new ArrayList<>(newTags);
        this.next = newNext;
        this.updatedAt = now;
    }

    /** Makes {@code number} the version readers get. */
    void publishAs(int number, Instant now) {
        if (number < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
        this.version = number;
        this.status = ArticleStatus.PUBLISHED;
        this.publishedAt = now;
        this.retractedAt = null;
        this.updatedAt = now;
    }

    void retract(Instant now) {
        if (status != ArticleStatus.PUBLISHED) {
            throw new IllegalStateException("only a published article can be retracted");
        }
        this.status = ArticleStatus.RETRACTED;
        this.retractedAt = now;
        this.updatedAt = now;
    }

    boolean isPublished() {
        return status == ArticleStatus.PUBLISHED;
    }

    UUID id() {
        return id;
    }

    long revision() {
        return revision;
    }

    String slug() {
        return slug;
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

    String plainText() {
        return plainText;
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

    ArticleStatus status() {
        return status;
    }

    int version() {
        return version;
    }

    UUID authorId() {
        return authorId;
    }

    Article next() {
        return next;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    Instant publishedAt() {
        return publishedAt;
    }

    Instant retractedAt() {
        return retractedAt;
    }
}
