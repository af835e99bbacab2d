package org.securebase.content.article;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import tools.jackson.databind.json.JsonMapper;

/**
 * Entity tags of article representations: a hash of exactly what the caller receives. A reader's view and
 * an author's view of the same article differ (drafts in series links, the Markdown), and a neighbour's
 * publication changes a series link without touching the article, so a tag derived from the row's revision
 * alone would let a cache keep a stale representation.
 */
final class ETags {

    private ETags() {
    }

    static String of(Object representation, JsonMapper json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(representation));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** {@code If-None-Match}: weak comparison, any listed tag or {@code *} matches (RFC 9110, 13.1.2). */
    static boolean noneMatchHits(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || stripWeak(tag).equals(stripWeak(etag))) {
                return true;
            }
        }
        return false;
    }

    /** {@code If-Match}: strong comparison, so a weak tag never matches (RFC 9110, 13.1.1). */
    static boolean matchHits(String ifMatch, String etag) {
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || (!tag.startsWith("W/") && tag.equals(etag))) {
                return true;
            }
        }
        return false;
    }

    private static String stripWeak(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
