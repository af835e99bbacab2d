package org.securebase.content.article;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.securebase.platform.security.Caller;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Builds what a caller gets for an article, and its entity tag. */
@Component
class ArticleViews {

    /** Part of every version's tag (see {@link #versionTag}). */
    private static final String VERSION_VIEW_SHAPE = Arrays.stream(ArticleVersionView.class.getRecordComponents())
            .map(component -> component.getName() + ":" + component.getGenericType().getTypeName())
            .collect(Collectors.joining(","));

    private final ArticleRepository articles;
    private final ArticleVisibility visibility;
    private final JsonMapper json;

    ArticleViews(ArticleRepository articles, ArticleVisibility visibility, JsonMapper json) {
        this.articles = articles;
        this.visibility = visibility;
        this.json = json;
    }

    ArticleView of(Article article, Caller caller) {
        boolean author = ArticleVisibility.isAuthor(caller);
        ArticleView.ArticleLink previous = articles.findByNext(article)
                .filter(it -> visibility.canSee(caller, it.status()))
                .map(ArticleViews::link)
                .orElse(null);
        Article next = article.next();
        ArticleView.ArticleLink nextLink = next != null && visibility.canSee(caller, next.status()) ? link(next) : null;
        return new ArticleView(article.id(), article.slug(), article.title(), article.summary(), article.language(),
                article.status(), article.version(), article.tags(), article.readingMinutes(), article.authorId(),
                new ArticleView.Series(previous, nextLink), article.createdAt(), article.updatedAt(),
                article.publishedAt(), article.retractedAt(), author ? article.markdown() : null, article.html(),
                article.sections());
    }

    ArticleVersionView of(Article article, ArticleVersion version) {
        return new ArticleVersionView(article.id(), article.slug(), version.version(),
                article.isPublished() && article.version() == version.version(), version.title(), version.summary(),
                version.language(), version.tags(), version.readingMinutes(), version.publishedAt(), version.markdown(), version.html(),
                version.sections());
    }

    String etag(Object view) {
        return ETags.of(view, json);
    }

    /**
     * A version's tag: which version, whether it is the latest, and the shape of {@link ArticleVersionView} (its
     * components' names and types), so a release that changes the representation changes every tag.
     */
    String versionTag(UUID articleId, String slug, int version, boolean latest) {
        return ETags.of(List.of(VERSION_VIEW_SHAPE, articleId.toString(), slug, version, latest), json);
    }

    private static ArticleView.ArticleLink link(Article article) {
        return new ArticleView.ArticleLink(article.slug(), article.title(), article.status());
    }
}
