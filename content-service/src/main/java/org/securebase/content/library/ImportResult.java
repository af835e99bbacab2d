package org.securebase.content.library;

import java.util.List;

import org.securebase.content.article.ArticleStatus;

/** What an import created, in the order of the files sent. */
public record ImportResult(List<ImportedArticle> imported) {

    /** @param file the file's name as shown in messages */
    public record ImportedArticle(String file, String slug, String title, ArticleStatus status) {
    }
}
