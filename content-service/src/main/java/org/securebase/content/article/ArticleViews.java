package org.securebase.content.article;

import org.securebase.platform.security.Caller;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Builds what a caller gets for an article, and its entity tag. */
@Component
class ArticleViews {

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
        return new ArticleView(article.id(), article.slug(), article.title(), article.summary(), article.status(),
                article.version(), article.tags(), article.readingMinutes(), article.authorId(),
                new ArticleView.Series(previous, nextLink), article.createdAt(), article.updatedAt(),
                article.publishedAt(), article.retractedAt(), author ? article.markdown() : null, article.html(),
                article.sections());
    }

    ArticleVersionView of(Article article, ArticleVersion version) {
        return new ArticleVersionView(article.id(), article.slug(), version.version(),
                article.isPublished() && article.version() == version.version(), version.title(), version.summary(),
                version.tags(), version.readingMinutes(), version.publishedAt(), version.markdown(), version.html(),
                version.sections());
    }

    String etag(Object view) {
        return ETags.of(view, json);
    }

    private static ArticleView.ArticleLink link(Article article) {
        return new ArticleView.ArticleLink(article.slug(), article.title(), article.status());
    }
}
