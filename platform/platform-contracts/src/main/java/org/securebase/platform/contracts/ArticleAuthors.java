package org.securebase.platform.contracts;

import java.util.UUID;

/**
 * Who may change an article, as content-service decides it and the portal shows it: its author, and for what no
 * person wrote (the seed article and its placeholder) every author, since those are the practice's.
 */
public final class ArticleAuthors {

    /** The author id of what no person wrote: the all-zero id, which no account can have. */
    public static final UUID PRACTICE = new UUID(0, 0);

    private ArticleAuthors() {
    }

    /** Whether {@code person} may change an article written by {@code author}. */
    public static boolean mayChange(UUID author, UUID person) {
        return PRACTICE.equals(author) || author != null && author.equals(person);
    }
}
