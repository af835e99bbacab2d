package org.securebase.platform.contracts;

import java.util.List;

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

    /** Markdown files one library import may carry; more is refused as a whole. */
    public static final int IMPORT_FILES = 100;
    /**
     * One imported file, front matter included, in bytes: room for the longest body ({@link #MARKDOWN} characters at
     * up to 3 bytes each in UTF-8) and its front matter. A larger file is named in the refusal and never read.
     */
    public static final int IMPORT_FILE_BYTES = 512 * 1024;
    /**
     * One import request, in bytes. Larger than any sensible import so that a too large file in it can still be named
     * (its size is known from the upload, which the container keeps on disk, not from reading it); the upload limits
     * of content-service ({@code spring.servlet.multipart.*}), the portal and the gateway's import route are this.
     */
    public static final int IMPORT_REQUEST_BYTES = 32 * 1024 * 1024;
    /**
     * The languages an article may be written in (ISO 639-1), each indexed and searched with its own PostgreSQL text
     * search configuration ({@code english}, {@code spanish}): the portal's two languages.
     */
    public static final List<String> LANGUAGES = List.of("en", "es");
    /** {@link #LANGUAGES} as a pattern, for request validation. */
    public static final String LANGUAGE_PATTERN = "^(en|es)$";
    /** The language of an article that does not say. */
    public static final String DEFAULT_LANGUAGE = "en";

    private ContentLimits() {
    }
}
