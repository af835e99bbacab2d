/**
 * The library catalog: {@code GET /api/content/articles}, paged, filtered by status and tag, and searched
 * with PostgreSQL full-text search ({@code websearch_to_tsquery} against the {@code search_vector} column,
 * GIN-indexed, ranked with {@code ts_rank}).
 *
 * <p>Owns the read-only catalog query and nothing else: the search vector is kept up to date by a trigger
 * on the article table (see the V1 and V6 migrations; each article with its language's configuration), so writes need not know search exists. Who may list which status
 * comes from the article feature's {@link org.securebase.content.article.ArticleVisibility}.
 */
package org.securebase.content.search;
