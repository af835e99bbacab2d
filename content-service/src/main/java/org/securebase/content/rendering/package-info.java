/**
 * Turns an article's Markdown into what readers get: sanitized HTML, the structured sections (headings
 * with anchors, paragraphs, lists with stable item ids), the plain text the search index is built from
 * and the estimated reading time.
 *
 * <p>Owns the HTML policy ({@link org.securebase.content.rendering.HtmlSanitizer}) and the rules that make
 * Markdown unacceptable ({@link org.securebase.content.rendering.MarkdownRejectedException}). Stateless; the
 * article feature calls {@link org.securebase.content.rendering.ArticleRenderer} when a body changes and
 * stores the result, so reads never render.
 */
package org.securebase.content.rendering;
