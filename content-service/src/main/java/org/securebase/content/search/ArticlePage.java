package org.securebase.content.search;

import java.util.List;

/** One page of the catalog. {@code page} counts from 0. */
public record ArticlePage(List<ArticleSummary> items, int page, int size, long totalItems, int totalPages) {
}
