package org.securebase.journal.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A published article in its current version, as an assignment needs it.
 *
 * @param lists the version's lists (ids and item ids), which checklist prompts are built from
 */
public record AssignableArticle(UUID articleId, String slug, String title, int version, List<ArticleList> lists) {

    public AssignableArticle {
        lists = List.copyOf(lists);
    }

    public Optional<ArticleList> list(String listId) {
        return lists.stream().filter(list -> list.id().equals(listId)).findFirst();
    }

    public record ArticleList(String id, List<String> itemIds) {

        public ArticleList {
            itemIds = List.copyOf(itemIds);
        }
    }
}
