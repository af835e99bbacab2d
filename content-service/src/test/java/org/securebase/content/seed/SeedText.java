package org.securebase.content.seed;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text normalization shared by the tests that prove the seed article arrives whole. */
final class SeedText {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x?)([0-9a-fA-F]+);");

    private SeedText() {
    }

    /** NFC, bullets removed, every run of whitespace one space. */
    static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace(SeedArticleParser.BULLET, " ")
                .replaceAll("\\s+", " ")
                .strip();
    }

    /** The text a browser shows for sanitized HTML: tags removed (as spaces), entities decoded. */
    static String textOfHtml(String html) {
        String text = TAG.matcher(html).replaceAll(" ");
        Matcher matcher = NUMERIC_ENTITY.matcher(text);
        StringBuilder decoded = new StringBuilder();
        while (matcher.find()) {
            int codePoint = Integer.parseInt(matcher.group(2), matcher.group(1).isEmpty() ? 10 : 16);
            matcher.appendReplacement(decoded, Matcher.quoteReplacement(new String(Character.toChars(codePoint))));
        }
        matcher.appendTail(decoded);
        return decoded.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&amp;", "&");
    }

    /** The received text without its trailing site navigation ("Next", "Next", the next title). */
    static String withoutNavigation(String source) {
        List<String> lines = Arrays.asList(source.strip().split("\n"));
        int end = lines.size() - 1; // the next article's title
        while (end > 0 && (lines.get(end - 1).isBlank() || lines.get(end - 1).strip().equals("Next"))) {
            end--;
        }
        return String.join("\n", lines.subList(0, end));
    }

    /**
     * The sentences of a text, normalized: every line (a paragraph, heading or bullet of the received text)
     * split after ., ?, ! or : followed by a space.
     */
    static List<String> sentences(String text) {
        return text.lines()
                .map(SeedText::normalize)
                .filter(line -> !line.isEmpty())
                .flatMap(line -> Arrays.stream(line.split("(?<=[.?!:])\\s+")))
                .filter(sentence -> !sentence.isBlank())
                .toList();
    }
}
