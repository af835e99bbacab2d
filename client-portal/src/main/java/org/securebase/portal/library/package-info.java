/**
 * The reading library: published articles with search, and one article to read; {@link
 * org.securebase.portal.library.LibraryApi}, the client of content-service's published articles (also used by the
 * homework pages), with its answers ({@link org.securebase.portal.library.Articles}); and {@link
 * org.securebase.portal.library.ReadingHtml}, the portal's own sanitizer every article body passes.
 */
package org.securebase.portal.library;
