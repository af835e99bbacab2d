package org.securebase.platform.events.content;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.securebase.platform.events.EventContract;
import org.securebase.platform.events.EventPayload;
import org.securebase.platform.events.Topics;

/**
 * A published article was withdrawn from the library: it can no longer be assigned and clients no longer
 * find it, but versions already pinned by assignments stay readable. Envelope key: {@code articleId}.
 *
 * @param articleId   the article
 * @param slug        its address
 * @param version     the version that was current when it was retracted
 * @param retractedAt when
 */
@EventContract(topic = Topics.CONTENT_ARTICLES, schemaVersion = 1)
public record ArticleRetracted(UUID articleId, String slug, int version, Instant retractedAt) implements EventPayload {

    public ArticleRetracted {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(slug, "slug");
    }

    @Override
    public UUID aggregateId() {
        return articleId;
    }
}
