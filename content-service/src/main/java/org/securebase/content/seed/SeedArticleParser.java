package org.securebase.content.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Converts the plain-text articles we receive (title line, blank-line separated blocks, "●" bullets, a
 * trailing "Next" navigation) into Markdown.
 *
 * <p>A block is a heading when it is one short line that does not end like a sentence ({@code .}, {@code ,},
 * {@code ;}, {@code !}), is written in title case, and is not the lead-in of a list. The received headings
 * end in "?" or ":" at times ("What Is Attachment?"), while a lead-in such as "Healing begins when:" is not
 * in title case and is followed by bullets; both rules are needed to tell them apart. Heading text is kept
 * verbatim, including its final "?" or ":".
 */
public final class SeedArticleParser {

    static final String BULLET = "●";
    static final String NAVIGATION_MARKER = "Next";
    private static final int MAX_HEADING_LENGTH = 80;
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.,;!…]$");
    private static final Pattern ORDERED_MARKER = Pattern.compile("^(\\d{1,9})([.)])");

    private SeedArticleParser() {
    }

    public static SeedArticle parse(String text) {
        List<List<String>> blocks = blocksOf(text);
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("the seed text is empty");
        }
        List<String> titleBlock = blocks.remove(0);
        String title = titleBlock.get(0).strip();
        if (titleBlock.size() > 1) {
            blocks.add(0, titleBlock.subList(1, titleBlock.size()));
        }

        String nextTitle = removeNavigation(blocks);

        StringBuilder markdown = new StringBuilder();
        String summary = null;
        boolean inList = false;
        for (int i = 0; i < blocks.size(); i++) {
            List<String> block = blocks.get(i);
            String first = block.get(0);
            if (isBullet(first)) {
                if (!inList && !markdown.isEmpty()) {
                    markdown.append('\n');
                }
                for (String line : block) {
                    markdown.append("- ").append(escape(stripBullet(line))).append('\n');
                }
                inList = true;
                continue;
            }
            if (!markdown.isEmpty()) {
                markdown.append('\n');
            }
            inList = false;
            boolean nextIsList = i + 1 < blocks.size() && isBullet(blocks.get(i + 1).get(0));
            if (block.size() == 1 && isHeading(first, nextIsList)) {
                markdown.append("## ").append(escape(first.strip())).append('\n');
            } else {
                List<String> lines = block.stream().map(String::strip).toList();
                if (summary == null) {
                    summary = String.join(" ", lines);
                }
                lines.forEach(line -> markdown.append(escape(line)).append('\n'));
            }
        }
        return new SeedArticle(title, summary == null ? "" : summary, markdown.toString(), nextTitle);
    }

    // The last two blocks of a received article are "Next" (once or twice) and the next article's title.
    private static String removeNavigation(List<List<String>> blocks) {
        if (blocks.size() < 2) {
            return null;
        }
        List<String> last = blocks.get(blocks.size() - 1);
        List<String> marker = blocks.get(blocks.size() - 2);
        boolean isNavigation = last.size() == 1
                && marker.stream().allMatch(line -> line.strip().equals(NAVIGATION_MARKER));
        if (!isNavigation) {
            return null;
        }
        blocks.remove(blocks.size() - 1);
        blocks.remove(blocks.size() - 1);
        // Site navigation closes the link text with a period that is not part of the title.
        return last.get(0).strip().replaceAll("\\.$", "");
    }

    private static List<List<String>> blocksOf(String text) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    blocks.add(current);
                    current = new ArrayList<>();
                }
            } else {
                current.add(line);
            }
        }
        if (!current.isEmpty()) {
            blocks.add(current);
        }
        return blocks;
    }

    static boolean isHeading(String line, boolean leadsIntoList) {
        String text = line.strip();
        return !leadsIntoList
                && text.length() <= MAX_HEADING_LENGTH
                && !SENTENCE_END.matcher(text).matches()
                && isTitleCase(text);
    }

    // Every word of four letters or more starts with a capital: "What Healing From Attachment Looks Like:".
    private static boolean isTitleCase(String text) {
        boolean sawWord = false;
        for (String word : text.split("\\s+")) {
            String letters = word.replaceAll("[^\\p{L}]", "");
            if (letters.length() >= 4) {
                sawWord = true;
                if (!Character.isUpperCase(letters.codePointAt(0))) {
                    return false;
                }
            }
        }
        return sawWord;
    }

    private static boolean isBullet(String line) {
        return line.strip().startsWith(BULLET);
    }

    private static String stripBullet(String line) {
        return line.strip().substring(BULLET.length()).strip();
    }

    /**
     * Escapes what CommonMark would read as markup in plain prose, so the text renders as written: inline
     * markers everywhere, block markers at the start of a line.
     */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*_[]<>&".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        String result = escaped.toString();
        if (!result.isEmpty() && "#>+-=|".indexOf(result.charAt(0)) >= 0) {
            result = "\\" + result;
        }
        return ORDERED_MARKER.matcher(result).replaceFirst("$1\\\\$2");
    }
}
