/**
 * Bring your own library: importing articles as Markdown files with front matter, and exporting the library in
 * the same format (see {@code docs/library-format.md} and ADR 0024).
 *
 * <p>Owns the file format ({@link org.securebase.content.library.LibraryFormat}), the all-or-nothing import of a
 * request's files ({@link org.securebase.content.library.LibraryImport}), the export as a zip
 * ({@link org.securebase.content.library.LibraryExport}) and the endpoints under {@code /api/content/library}, which
 * only authors (therapists and admins) may use. It owns no table: articles are written through the article
 * feature's {@code ArticleAuthoring} and read through its {@code ArticleReading}, so every rule of writing an article
 * (limits, rendering and sanitizing, versions, events) holds for an imported one too.
 */
package org.securebase.content.library;
