package org.securebase.portal.writing;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.securebase.platform.contracts.ContentLimits;
import org.securebase.portal.library.ReadingHtml;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Renders an author's Markdown the way readers will get it: CommonMark, as content-service renders it (it has no
 * preview endpoint), then the portal's own {@link ReadingHtml} gate, through which every article body reaches a
 * page. Whatever the author typed, the answer is sanitized HTML.
 *
 * <p>What content-service would refuse is refused here too, before any work: text over its length limit,
 * characters it cannot store, and nesting deeper than its limit, which would also exhaust the stack of the
 * recursive HTML renderer.
 */
@Component
class MarkdownPreview {

    /** content-service's limit (its {@code ArticleRenderer.MAX_NESTING_DEPTH}). */
    static final int MAX_NESTING_DEPTH = 32;

    // Both are immutable once built and safe to share between requests.
    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().sanitizeUrls(true).build();
    private final ReadingHtml readingHtml;

    MarkdownPreview(ReadingHtml readingHtml) {
        this.readingHtml = readingHtml;
    }

    /**
     * @param html    the sanitized HTML, or empty when refused
     * @param problem the writing.properties key saying why it cannot be shown, or null
     */
    record Result(String html, String problem) {

        boolean ok() {
            return problem == null;
        }
    }

    Result render(String markdown) {
        String source = markdown == null ? "" : markdown;
        if (source.length() > ContentLimits.MARKDOWN) {
            return new Result("", "writing.preview.tooLong");
        }
        if (!Draft.storable(source)) {
            return new Result("", "writing.error.characters");
        }
        Node document = parser.parse(source);
        if (tooDeep(document)) {
            return new Result("", "writing.preview.tooDeep");
        }
        return new Result(readingHtml.clean(renderer.render(document)), null);
    }

    // Iterative on purpose: it runs before anything recursive touches the tree.
    private static boolean tooDeep(Node document) {
        Deque<Node> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        nodes.push(document);
        depths.push(0);
        while (!nodes.isEmpty()) {
            Node node = nodes.pop();
            int depth = depths.pop();
            if (depth > MAX_NESTING_DEPTH) {
                return true;
            }
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                nodes.push(child);
                depths.push(depth + 1);
            }
        }
        return false;
    }
}
