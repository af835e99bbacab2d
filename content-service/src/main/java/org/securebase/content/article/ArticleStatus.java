package org.securebase.content.article;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where an article is in its life. Written in lower case on the API ({@code draft}, {@code published}, {@code retracted}). */
public enum ArticleStatus {

    /** Being written; only authors (therapists, admins) see it. Never published yet. */
    DRAFT,
    /** Readers get its current version. */
    PUBLISHED,
    /** Withdrawn from the library; only authors see it, and clients only the versions pinned to them. */
    RETRACTED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ArticleStatus> fromWireName(String value) {
        return Arrays.stream(values()).filter(status -> status.wireName().equals(value)).findFirst();
    }
}
