/**
 * The article catalog projection: which articles are published, in which current version, with which lists,
 * fed by content-service's {@code securebase.content.articles.v1}.
 *
 * <p>Owns table {@code catalog_article}; the assignment feature asks {@link org.securebase.journal.catalog.ArticleCatalog}
 * whether an article may be assigned and pins the version it returns. Idempotent: event ids are recorded, and an
 * event older than what was applied - by (version, occurred-at) - changes nothing, so a full replay converges
 * to the same rows. Unreadable records go to {@code securebase.content.articles.v1.dlt}.
 */
package org.securebase.journal.catalog;
