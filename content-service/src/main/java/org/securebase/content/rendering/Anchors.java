package org.securebase.content.rendering;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Hands out unique, URL- and HTML-id-safe anchors within one article. */
final class Anchors {

    static final String INTRODUCTION = "introduction";
    static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_LENGTH = 60;

    private final Set<String> used = new HashSet<>();

    /** A unique anchor derived from {@code text}: lower case, ASCII letters and digits, hyphens between words. */
    String claim(String text) {
        String base = slugOf(text);
        String candidate = base;
        for (int n = 2; !used.add(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    static String slugOf(String text) {
        // Decompose accents (é -> e + combining mark) so "Café" becomes "cafe" rather than "caf".
        String ascii = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "section" : slug;
    }
}
