package org.securebase.content.article;

import java.util.UUID;

import org.securebase.content.pinning.PinnedReadings;
import org.securebase.platform.security.Caller;
import org.securebase.platform.security.Role;
import org.springframework.stereotype.Component;

/**
 * Who may see which article. Authors (therapists and admins) see everything, drafts included; clients see
 * published articles, and of a retracted one only the versions pinned to them by an assignment. Anything
 * else is answered as if it did not exist (404), so slugs of drafts cannot be probed.
 */
@Component
public class ArticleVisibility {

    private final PinnedReadings pinnedReadings;

    ArticleVisibility(PinnedReadings pinnedReadings) {
        this.pinnedReadings = pinnedReadings;
    }

    public static boolean isAuthor(Caller caller) {
        return caller.role() == Role.THERAPIST || caller.role() == Role.ADMIN;
    }

    /** May the caller see the article (its current content) in this status? */
    public boolean canSee(Caller caller, ArticleStatus status) {
        return isAuthor(caller) || status == ArticleStatus.PUBLISHED;
    }

    /** May the caller read published version {@code version} of an article in {@code status}? */
    public boolean canReadVersion(Caller caller, UUID articleId, ArticleStatus status, int version) {
        return canSee(caller, status) || pinnedReadings.isPinned(caller.id(), articleId, version);
    }
}
