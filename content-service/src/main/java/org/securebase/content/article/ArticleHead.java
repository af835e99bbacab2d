package org.securebase.content.article;

import java.util.UUID;

/** An article's identity, status and latest version: what deciding about one of its versions needs. */
record ArticleHead(UUID id, ArticleStatus status, int version) {

    boolean latestIs(int number) {
        return status == ArticleStatus.PUBLISHED && version == number;
    }
}
