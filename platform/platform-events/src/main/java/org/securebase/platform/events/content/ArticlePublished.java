package org.securebase.platform.events.content;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.securebase.platform.events.EventContract;
import org.securebase.platform.events.EventPayload;
import org.securebase.platform.events.Topics;

/**
 * An article's version became the one readers get: first publication, a republication after a retraction,
 * or a change to an already published article. Envelope key and aggregate id: {@code articleId}.
 *
 * @param articleId   stable id of the article
 * @param slug        its address under {@code /api/content/articles/{slug}}
 * @param title       title of this version
 * @param summary     summary of this version (may be empty)
 * @param version     the published version number; {@code GET /articles/{slug}/versions/{version}} returns it
 *                    unchanged forever, which is what an assignment pins
 * @param tags        tags of this version
 * @param sections    the version's sections in reading order, so a prompt can point at one and a checklist
 *                    can be built from one of its lists
 * @param publishedAt when this version was published
 */
@EventContract(topic = Topics.CONTENT_ARTICLES, schemaVersion = 1)
public record ArticlePublished(UUID articleId, String slug, String title, String summary, int version,
                               List<String> tags, List<Section> sections, Instant publishedAt) implements EventPayload {

    public ArticlePublished {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1");
        }
        summary = summary == null ? "" : summary;
        tags = tags == null ? List.of() : List.copyOf(tags);
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    /**
     * @param anchor  the section's id, unique in the article and stable while its heading is unchanged
     * @param heading the heading text, or {@code null} for the untitled introduction
     * @param lists   the lists of the section, in order
     */
    public record Section(String anchor, String heading, List<ListRef> lists) {

        public Section {
            lists = lists == null ? List.of() : List.copyOf(lists);
        }
    }

    /**
     * @param id      the list's id, unique in the article
     * @param itemIds ids of its items, in order; an item keeps its id while its text is unchanged
     */
    public record ListRef(String id, List<String> itemIds) {

        public ListRef {
            itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
        }
    }

    @Override
    public UUID aggregateId() {
        return articleId;
    }
}
