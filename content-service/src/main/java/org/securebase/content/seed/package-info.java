/**
 * The library's first reading, shipped inside the service: "Attachment and Healing: Why Relationships in
 * Therapy Matter" ({@code seed/attachment-and-healing.txt}, exactly as received) and the draft placeholder
 * of the article its navigation points to.
 *
 * <p>Owns the conversion of that plain text into Markdown ({@link org.securebase.content.seed.SeedArticleParser})
 * and the idempotent import on start ({@link org.securebase.content.seed.SeedImporter}), which goes through
 * the article feature's public {@link org.securebase.content.article.ArticleAuthoring} API like any author, so
 * the seed is versioned and announced on Kafka like every other publication.
 */
package org.securebase.content.seed;
