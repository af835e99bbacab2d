package org.securebase.content.rendering;

import java.util.List;

/**
 * A part of an article under one heading (or the untitled introduction before the first heading).
 *
 * @param anchor     id of the section, also the {@code id} of its heading in the HTML; unique in the article
 * @param heading    heading text, {@code null} for the introduction
 * @param level      heading level 1-6, 0 for the introduction
 * @param paragraphs the section's paragraphs as plain text, in order
 * @param lists      the section's lists, in order
 */
public record Section(String anchor, String heading, int level, List<String> paragraphs, List<ArticleList> lists) {

    public Section {
        paragraphs = List.copyOf(paragraphs);
        lists = List.copyOf(lists);
    }
}
