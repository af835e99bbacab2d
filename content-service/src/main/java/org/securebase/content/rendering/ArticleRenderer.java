package org.securebase.content.rendering;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * Renders article Markdown (CommonMark) into a {@link RenderedBody}.
 *
 * <p>Raw HTML in the Markdown is passed to the renderer and then removed or defused by
 * {@link HtmlSanitizer}, rather than escaped, so harmless inline markup such as {@code <sup>} keeps
 * working while anything active is dropped.
 */
@Component
public class ArticleRenderer {

    /** Deepest nesting of blocks and inlines accepted; real prose stays far below, hostile input does not. */
    static final int MAX_NESTING_DEPTH = 32;
    static final int WORDS_PER_MINUTE = 200;

    private final Parser parser = Parser.builder().build();

    public RenderedBody render(String markdown) {
        String source = markdown == null ? "" : markdown;
        requireRenderableCharacters(source);
        Node document = parser.parse(source);
        requireBoundedNesting(document);

        Map<Node, String> headingAnchors = new IdentityHashMap<>();
        List<Section> sections = new Structure(headingAnchors).of(document);

        HtmlRenderer renderer = HtmlRenderer.builder()
                // CommonMark's own URL filter first; the sanitizer below is the real gate.
                .sanitizeUrls(true)
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    String anchor = headingAnchors.get(node);
                    if (anchor != null) {
                        attributes.put("id", anchor);
                    }
                })
                .build();
        String html = HtmlSanitizer.sanitize(renderer.render(document));

        String plainText = plainTextOf(sections);
        int words = countWords(plainText);
        int minutes = words == 0 ? 0 : (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE;
        return new RenderedBody(html, sections, plainText, words, minutes);
    }

    private static void requireRenderableCharacters(String source) {
        if (!StorableText.isStorable(source)) {
            throw new MarkdownRejectedException(
                    "The text contains a control character (such as NUL) or a character that is not valid Unicode.");
        }
    }

    // Iterative on purpose: this runs before anything recursive touches the tree.
    private static void requireBoundedNesting(Node document) {
        Deque<Node> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        nodes.push(document);
        depths.push(0);
        while (!nodes.isEmpty()) {
            Node node = nodes.pop();
            int depth = depths.pop();
            if (depth > MAX_NESTING_DEPTH) {
                throw new MarkdownRejectedException("The text nests quotes, lists or emphasis more than "
                        + MAX_NESTING_DEPTH + " levels deep.");
            }
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                nodes.push(child);
                depths.push(depth + 1);
            }
        }
    }

    private static String plainTextOf(List<Section> sections) {
        StringBuilder text = new StringBuilder();
        for (Section section : sections) {
            if (section.heading() != null) {
                text.append(section.heading()).append('\n');
            }
            section.paragraphs().forEach(paragraph -> text.append(paragraph).append('\n'));
            section.lists().forEach(list -> list.items().forEach(item -> text.append(item.text()).append('\n')));
        }
        return text.toString().strip();
    }

    static int countWords(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }

    /** Walks the document once, cutting it into sections and naming headings, lists and items. */
    private static final class Structure {

        private final Map<Node, String> headingAnchors;
        private final Anchors anchors = new Anchors();
        private final List<Section> sections = new ArrayList<>();
        private final Set<String> itemIds = new HashSet<>();
        private final Map<String, Integer> listCounts = new HashMap<>();

        private String anchor;
        private String heading;
        private int level;
        private List<String> paragraphs = new ArrayList<>();
        private List<ArticleList> lists = new ArrayList<>();

        Structure(Map<Node, String> headingAnchors) {
            this.headingAnchors = headingAnchors;
            this.anchor = anchors.claim(Anchors.INTRODUCTION);
        }

        List<Section> of(Node document) {
            for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
                if (block instanceof Heading h) {
                    close();
                    heading = inlineText(h).strip();
                    level = h.getLevel();
                    anchor = anchors.claim(heading);
                    headingAnchors.put(h, anchor);
                } else {
                    collect(block);
                }
            }
            close();
            return sections;
        }

        private void collect(Node block) {
            if (block instanceof Paragraph paragraph) {
                addParagraph(inlineText(paragraph));
            } else if (block instanceof ListBlock list) {
                addList(list);
            } else if (block instanceof BlockQuote quote) {
                for (Node child = quote.getFirstChild(); child != null; child = child.getNext()) {
                    collect(child);
                }
            } else if (block instanceof FencedCodeBlock code) {
                addParagraph(code.getLiteral());
            } else if (block instanceof IndentedCodeBlock code) {
                addParagraph(code.getLiteral());
            } else if (block instanceof Heading h) {
                // A heading nested in a quote or list does not start a section; keep its text.
                addParagraph(inlineText(h));
            }
            // HtmlBlock and thematic breaks carry no prose of their own.
        }

        private void addParagraph(String text) {
            String normalized = text.strip();
            if (!normalized.isEmpty()) {
                paragraphs.add(normalized);
            }
        }

        private void addList(ListBlock list) {
            int n = listCounts.merge(anchor, 1, Integer::sum);
            String listId = anchor + "-list-" + n;
            List<org.securebase.content.rendering.ListItem> items = new ArrayList<>();
            List<ListBlock> nested = new ArrayList<>();
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                if (!(item instanceof ListItem)) {
                    continue;
                }
                StringBuilder text = new StringBuilder();
                for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                    if (child instanceof ListBlock inner) {
                        nested.add(inner);
                    } else if (child instanceof Paragraph || child instanceof Heading) {
                        appendWithSpace(text, inlineText(child).strip());
                    } else if (child instanceof BlockQuote || child instanceof FencedCodeBlock
                            || child instanceof IndentedCodeBlock) {
                        appendWithSpace(text, blockText(child).strip());
                    }
                }
                String itemText = text.toString();
                if (!itemText.isEmpty()) {
                    items.add(new org.securebase.content.rendering.ListItem(itemId(listId, itemText), itemText));
                }
            }
            if (!items.isEmpty()) {
                lists.add(new ArticleList(listId, list instanceof OrderedList, items));
            }
            nested.forEach(this::addList);
        }

        private String itemId(String listId, String text) {
            String base = listId + "-" + shortHash(text.replaceAll("\\s+", " ").strip());
            String id = base;
            for (int n = 2; !itemIds.add(id); n++) {
                id = base + "-" + n;
            }
            return id;
        }

        private void close() {
            if (heading != null || !paragraphs.isEmpty() || !lists.isEmpty()) {
                sections.add(new Section(anchor, heading, level, paragraphs, lists));
            }
            paragraphs = new ArrayList<>();
            lists = new ArrayList<>();
        }

        private static void appendWithSpace(StringBuilder text, String part) {
            if (part.isEmpty()) {
                return;
            }
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(part);
        }
    }

    private static String blockText(Node block) {
        if (block instanceof FencedCodeBlock code) {
            return code.getLiteral();
        }
        if (block instanceof IndentedCodeBlock code) {
            return code.getLiteral();
        }
        StringBuilder text = new StringBuilder();
        for (Node child = block.getFirstChild(); child != null; child = child.getNext()) {
            String part = child instanceof Paragraph || child instanceof Heading ? inlineText(child) : blockText(child);
            if (!part.isBlank()) {
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(part.strip());
            }
        }
        return text.toString();
    }

    /** The text a reader sees in an inline container: literal text, code spans, line breaks as spaces. */
    static String inlineText(Node container) {
        StringBuilder text = new StringBuilder();
        appendInline(container, text);
        return text.toString();
    }

    private static void appendInline(Node node, StringBuilder text) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text t) {
                text.append(t.getLiteral());
            } else if (child instanceof Code code) {
                text.append(code.getLiteral());
            } else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
                text.append(' ');
            } else if (child instanceof HtmlInline || child instanceof HtmlBlock) {
                // Raw markup is not text; what survives of it is in the sanitized HTML.
                continue;
            } else {
                appendInline(child, text);
            }
        }
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
