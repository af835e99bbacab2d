package org.securebase.content.article;

import java.time.Instant;

/** A line of an article's version history. */
public record VersionSummary(int version, String title, Instant publishedAt) {
}
