package org.securebase.content.library;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.securebase.content.rendering.StorableText;
import org.securebase.platform.contracts.ContentLimits;

/**
 * The library file: front matter between two {@code ---} lines, then the article's Markdown.
 *
 * <pre>
 * ---
 * title: "Attachment and healing"
 * slug: attachment-and-healing
 * summary: "Why the relationship in therapy matters."
 * tags: [attachment, healing]
 * status: published
 * next: repair-after-rupture
 * language: en
 * ---
 * The Markdown body.
 * </pre>
 *
 * <p>The front matter is a deliberately small subset of YAML, read by hand: one {@code key: value} per line, values
 * bare or in double quotes (with {@code \"}, {@code \\}, {@code \n}, {@code \r}, {@code \t}, {@code \}{@code uXXXX}
 * escapes), tags as {@code [a, b]}. A YAML library would accept far more than this (anchors, aliases, multi-document
 * streams, type tags) from files anyone may upload, and would still need this class's checks of each key; here every
 * refusal can name its line, and what is written is read back exactly.
 */
final class LibraryFormat {

    static final String DELIMITER = "---";
    /** A file longer than this in front matter lines is not an article's front matter. */
    static final int MAX_FRONT_MATTER_LINES = 50;

    private static final Pattern KEY = Pattern.compile("[a-z]+");
    private static final Pattern SLUG = Pattern.compile(ContentLimits.SLUG_PATTERN);
    private static final Pattern TAG = Pattern.compile(ContentLimits.TAG_PATTERN);
    private static final Set<String> KEYS = Set.of("title", "slug", "summary", "tags", "status", "next", "language");

    private LibraryFormat() {
    }

    static LibraryArticle read(String text) throws LibraryFileRejectedException {
        String source = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int[] lineStarts = lineStarts(source);
        if (!DELIMITER.equals(line(source, lineStarts, 0))) {
            throw LibraryFileRejectedException.atLine(1,
                    "a library file begins with a line '---', then its front matter (title: ...), then '---' again");
        }
        String title = null;
        String slug = null;
        String summary = null;
        String language = null;
        List<String> tags = null;
        boolean published = false;
        String next = null;
        int nextLine = 0;
        Set<String> seen = new HashSet<>();
        int closing = -1;
        for (int index = 1; index < lineStarts.length; index++) {
            String line = line(source, lineStarts, index);
            int number = index + 1;
            if (DELIMITER.equals(line)) {
                closing = index;
                break;
            }
            if (index > MAX_FRONT_MATTER_LINES) {
                break;
            }
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String key = colon < 0 ? "" : line.substring(0, colon).strip();
            if (colon < 0 || !KEY.matcher(key).matches()) {
                throw LibraryFileRejectedException.atLine(number, "expected 'key: value', such as 'title: My article'");
            }
            if (!KEYS.contains(key)) {
                throw LibraryFileRejectedException.atLine(number, "unknown key '" + key + "'; the keys are "
                        + String.join(", ", KEYS.stream().sorted().toList()));
            }
            if (!seen.add(key)) {
                throw LibraryFileRejectedException.atLine(number, "'" + key + "' is given twice");
            }
            String raw = line.substring(colon + 1).strip();
            switch (key) {
                case "title" -> title = text(raw, number, "title", ContentLimits.TITLE);
                case "summary" -> summary = text(raw, number, "summary", ContentLimits.SUMMARY);
                case "slug" -> slug = slug(raw, number, "slug");
                case "next" -> {
                    next = slug(raw, number, "next");
                    nextLine = number;
                }
                case "tags" -> tags = tags(raw, number);
                case "status" -> published = status(raw, number);
                case "language" -> language = language(raw, number);
                default -> throw new IllegalStateException("a known key without a reader: " + key);
            }
        }
        if (closing < 0) {
            throw LibraryFileRejectedException.atLine(Math.min(lineStarts.length, MAX_FRONT_MATTER_LINES + 1),
                    "the front matter is not closed by a line '---' within " + MAX_FRONT_MATTER_LINES + " lines");
        }
        if (title == null || title.isBlank()) {
            throw LibraryFileRejectedException.atLine(closing + 1, "the front matter has no title (title: ...)");
        }
        if (slug != null && slug.equals(next)) {
            throw LibraryFileRejectedException.atLine(nextLine, "an article cannot be next to itself");
        }
        String markdown = closing + 1 < lineStarts.length ? source.substring(lineStarts[closing + 1]) : "";
        if (markdown.length() > ContentLimits.MARKDOWN) {
            throw new LibraryFileRejectedException("the Markdown body may be at most " + ContentLimits.MARKDOWN
                    + " characters long");
        }
        return new LibraryArticle(slug, title, summary, language, tags, published, next, nextLine, markdown);
    }

    /** The file for an article; {@link #read} gives back exactly what was written. */
    static String write(LibraryArticle article) {
        StringBuilder file = new StringBuilder();
        file.append(DELIMITER).append('\n');
        file.append("title: ").append(quoted(article.title())).append('\n');
        file.append("slug: ").append(article.slug()).append('\n');
        file.append("summary: ").append(quoted(article.summary())).append('\n');
        file.append("tags: [").append(String.join(", ", article.tags())).append("]\n");
        file.append("status: ").append(article.published() ? "published" : "draft").append('\n');
        if (article.next() != null) {
            file.append("next: ").append(article.next()).append('\n');
        }
        file.append("language: ").append(article.language()).append('\n');
        file.append(DELIMITER).append('\n');
        file.append(article.markdown());
        return file.toString();
    }

    // ------------------------------------------------------------------------------------------ values

    private static String text(String raw, int line, String key, int maxLength) throws LibraryFileRejectedException {
        String value = raw.startsWith("\"") ? unquote(raw, line) : raw;
        if (!StorableText.isStorable(value)) {
            throw LibraryFileRejectedException.atLine(line, key + " contains a character that cannot be stored");
        }
        if (value.strip().length() > maxLength) {
            throw LibraryFileRejectedException.atLine(line, key + " may be at most " + maxLength + " characters long");
        }
        return value;
    }

    private static String slug(String raw, int line, String key) throws LibraryFileRejectedException {
        if (raw.length() < ContentLimits.SLUG_MIN || raw.length() > ContentLimits.SLUG || !SLUG.matcher(raw).matches()) {
            throw LibraryFileRejectedException.atLine(line, key + " must be a slug: " + ContentLimits.SLUG_MIN + " to "
                    + ContentLimits.SLUG + " lower-case letters or digits, words joined by hyphens");
        }
        return raw;
    }

    private static List<String> tags(String raw, int line) throws LibraryFileRejectedException {
        if (!raw.startsWith("[") || !raw.endsWith("]")) {
            throw LibraryFileRejectedException.atLine(line, "tags are written as a list: tags: [attachment, healing]");
        }
        String inside = raw.substring(1, raw.length() - 1).strip();
        List<String> tags = new ArrayList<>();
        if (inside.isEmpty()) {
            return tags;
        }
        for (String item : inside.split(",", -1)) {
            String tag = item.strip();
            if (tag.isEmpty() || tag.length() > ContentLimits.TAG || !TAG.matcher(tag).matches()) {
                throw LibraryFileRejectedException.atLine(line, "each tag must be lower-case words joined by hyphens, "
                        + "at most " + ContentLimits.TAG + " characters");
            }
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        if (tags.size() > ContentLimits.TAGS) {
            throw LibraryFileRejectedException.atLine(line, "an article may have at most " + ContentLimits.TAGS + " tags");
        }
        return tags;
    }

    private static boolean status(String raw, int line) throws LibraryFileRejectedException {
        return switch (raw) {
            case "draft" -> false;
            case "published" -> true;
            default -> throw LibraryFileRejectedException.atLine(line, "status is 'draft' or 'published'");
        };
    }

    // Each language is indexed with its own text search configuration: one the library cannot index is refused.
    private static String language(String raw, int line) throws LibraryFileRejectedException {
        String language = raw.toLowerCase(Locale.ROOT);
        if (!ContentLimits.LANGUAGES.contains(language)) {
            throw LibraryFileRejectedException.atLine(line, "language is one of " + String.join(", ", ContentLimits.LANGUAGES)
                    + " (the languages the library indexes and searches)");
        }
        return language;
    }

    private static String unquote(String raw, int line) throws LibraryFileRejectedException {
        StringBuilder value = new StringBuilder(raw.length());
        int i = 1;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '"') {
                if (i != raw.length() - 1) {
                    throw LibraryFileRejectedException.atLine(line, "nothing may follow the closing quote");
                }
                return value.toString();
            }
            if (c == '\\') {
                if (i + 1 >= raw.length()) {
                    break;
                }
                char escaped = raw.charAt(i + 1);
                switch (escaped) {
                    case '"', '\\' -> value.append(escaped);
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'u' -> {
                        if (i + 6 > raw.length()) {
                            throw LibraryFileRejectedException.atLine(line, "\\u takes four hexadecimal digits");
                        }
                        try {
                            value.append((char) Integer.parseInt(raw.substring(i + 2, i + 6), 16));
                        } catch (NumberFormatException notHex) {
                            throw LibraryFileRejectedException.atLine(line, "\\u takes four hexadecimal digits");
                        }
                        i += 4;
                    }
                    default -> throw LibraryFileRejectedException.atLine(line,
                            "unknown escape; use \\\", \\\\, \\n, \\r, \\t or \\uXXXX");
                }
                i += 2;
                continue;
            }
            value.append(c);
            i++;
        }
        throw LibraryFileRejectedException.atLine(line, "the quoted value has no closing quote");
    }

    static String quoted(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) && !validPair(value, i)) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static boolean validPair(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
    }

    // ------------------------------------------------------------------------------------------ lines

    private static int[] lineStarts(String source) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        if (starts.get(starts.size() - 1) == source.length() && starts.size() > 1) {
            starts.remove(starts.size() - 1);
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Line {@code index} without its line break (LF or CRLF). */
    private static String line(String source, int[] lineStarts, int index) {
        if (index >= lineStarts.length) {
            return null;
        }
        int start = lineStarts[index];
        int end = index + 1 < lineStarts.length ? lineStarts[index + 1] - 1 : source.length();
        if (end > start && source.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > start && source.charAt(end - 1) == '\r') {
            end--;
        }
        return source.substring(start, end);
    }
}
