package org.securebase.portal.api;

import java.util.regex.Pattern;

/**
 * An answer with the entity tag of the representation it came in, for a change that must send the tag back in
 * {@code If-Match} (so a save never silently undoes someone else's).
 *
 * @param value the answer
 * @param etag  the {@code ETag} header as the service sent it, or null when it sent none
 */
public record Tagged<T>(T value, String etag) {

    /** A strong entity tag (RFC 9110 8.8.3): anything else could not have come from a service of the platform. */
    private static final Pattern STRONG = Pattern.compile("\"[\\x21\\x23-\\x7e]{1,200}\"");

    /** Whether a tag a browser sent back may be put in a header (a form could carry anything, line breaks included). */
    public static boolean wellFormed(String etag) {
        return etag != null && STRONG.matcher(etag).matches();
    }
}
