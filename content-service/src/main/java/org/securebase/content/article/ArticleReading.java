package org.securebase.content.article;

import java.util.List;

import org.securebase.platform.security.Caller;
import org.securebase.platform.web.problem.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading one article, its versions and its history, as the caller may see them. */
@Service
public class ArticleReading {

    private final ArticleRepository articles;
    private final ArticleVersionRepository versions;
    private final ArticleVisibility visibility;
    private final ArticleViews views;

    ArticleReading(ArticleRepository articles, ArticleVersionRepository versions, ArticleVisibility visibility,
                   ArticleViews views) {
        this.articles = articles;
        this.versions = versions;
        this.visibility = visibility;
        this.views = views;
    }

    /** The article with the entity tag of exactly this representation. */
    @Transactional(readOnly = true)
    public Tagged<ArticleView> article(String slug, Caller caller) {
        Article article = articles.findBySlug(slug)
                .filter(it -> visibility.canSee(caller, it.status()))
                .orElseThrow(NotFoundException::new);
        ArticleView view = views.of(article, caller);
        return new Tagged<>(view, views.etag(view), article.status());
    }

    @Transactional(readOnly = true)
    public Tagged<ArticleVersionView> version(String slug, int number, Caller caller) {
        Article article = articles.findBySlug(slug).orElseThrow(NotFoundException::new);
        if (!visibility.canReadVersion(caller, article.id(), article.status(), number)) {
            throw new NotFoundException();
        }
        ArticleVersion version = versions.findByArticleIdAndVersion(article.id(), number)
                .orElseThrow(NotFoundException::new);
        ArticleVersionView view = views.of(article, version);
        return new Tagged<>(view, views.versionTag(view.articleId(), view.slug(), view.version(), view.latest()),
                article.status());
    }

    /**
     * The entity tag {@link #version} would give, after the same checks (404 alike), without reading the version's
     * text: a published version never changes, so its tag only depends on which version it is and whether it is
     * still the latest. Revalidating a pinned reading (If-None-Match, on every assignment page) then reads two
     * small rows instead of both texts of the article and of the version, and hashes a few bytes instead of them.
     */
    @Transactional(readOnly = true)
    public String versionTag(String slug, int number, Caller caller) {
        ArticleHead head = articles.findHeadBySlug(slug).orElseThrow(NotFoundException::new);
        if (!visibility.canReadVersion(caller, head.id(), head.status(), number)
                || !versions.existsByArticleIdAndVersion(head.id(), number)) {
            throw new NotFoundException();
        }
        return views.versionTag(head.id(), slug, number, head.latestIs(number));
    }

    @Transactional(readOnly = true)
    public List<VersionSummary> history(String slug, Caller caller) {
        Article article = articles.findBySlug(slug)
                .filter(it -> visibility.canSee(caller, it.status()))
                .orElseThrow(NotFoundException::new);
        return versions.findByArticleIdOrderByVersionDesc(article.id()).stream()
                .map(version -> new VersionSummary(version.version(), version.title(), version.publishedAt()))
                .toList();
    }

    /**
     * The library as an author keeps it: every published article and draft, by slug, with its Markdown. Retracted
     * articles are withdrawn from the library and left out. Only for authors, who see drafts.
     */
    @Transactional(readOnly = true)
    public List<ArticleView> library(Caller author) {
        if (!ArticleVisibility.isAuthor(author)) {
            throw new IllegalArgumentException("only authors keep the library");
        }
        return articles.findByStatusInOrderBySlug(List.of(ArticleStatus.PUBLISHED, ArticleStatus.DRAFT)).stream()
                .map(article -> views.of(article, author))
                .toList();
    }

    /**
     * A representation with its entity tag, and the article's status, which decides how long it may be
     * cached.
     */
    public record Tagged<T>(T body, String etag, ArticleStatus status) {
    }
}
