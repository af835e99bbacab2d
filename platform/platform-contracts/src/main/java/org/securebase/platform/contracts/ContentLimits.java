package org.securebase.platform.contracts;

/** Limits of content-service's API: articles. */
public final class ContentLimits {

    /** An article's address: lower-case words joined by hyphens. */
    public static final String SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final int SLUG_MIN = 3;
    public static final int SLUG = 100;
    public static final int TITLE = 200;
    public static final int SUMMARY = 1_000;
    /** The Markdown body; a longer one is answered with 413. */
    public static final int MARKDOWN = 100_000;
    /** Tags on one article, and the length of each; same shape as a slug. */
    public static final int TAGS = 20;
    public static final int TAG = 40;
    public static final String TAG_PATTERN = SLUG_PATTERN;
    /** A search query in the library. */
    public static final int QUERY = 200;
    /** Items a page of the library may hold. */
    public static final int PAGE_SIZE = 100;

    private ContentLimits() {
    }
}
