package org.securebase.content.rendering;

import java.util.List;

/**
 * A bulleted or numbered list of a section; the portal turns one into a checklist.
 *
 * @param id      {@code <section anchor>-list-<n>}, unique in the article
 * @param ordered numbered rather than bulleted
 * @param items   the items in order
 */
public record ArticleList(String id, boolean ordered, List<ListItem> items) {

    public ArticleList {
        items = List.copyOf(items);
    }
}
