/**
 * Articles: the reading library's write side and single-article reads.
 *
 * <p>Owns the {@code article} and {@code article_version} tables, the lifecycle draft → published →
 * retracted (and back to published), the published versions kept forever, series links, who may change an
 * article (its author; an admin may also retract it) and who may see what
 * ({@link org.securebase.content.article.ArticleVisibility}), the REST endpoints under
 * {@code /api/content/articles/{slug}}, and the {@code ArticlePublished} / {@code ArticleRetracted} events it
 * publishes on {@code securebase.content.articles.v1} in the transaction of each change (platform-events'
 * {@code IntegrationEvents}; the outbox sends them to Kafka after the commit).
 *
 * <p>Other features use the public services {@link org.securebase.content.article.ArticleAuthoring} (the
 * seed import, the library import), {@link org.securebase.content.article.ArticleReading} (the library export) and {@link org.securebase.content.article.ArticleVisibility}; the catalog (search package)
 * reads the table through its own query and the same visibility rule.
 */
package org.securebase.content.article;
