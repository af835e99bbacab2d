package org.securebase.content.rendering;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Independent judge of sanitized HTML, written without the sanitizer's code: scans every tag and attribute
 * the way a browser's tokenizer would find them and lists whatever could run script, restyle the page or
 * submit a form. Its own ability to see danger is tested in {@code SafeHtmlOracleTest}.
 */
final class SafeHtmlOracle {

    private static final Set<String> INLINE_OK = Set.of();
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("p", INLINE_OK), Map.entry("br", INLINE_OK), Map.entry("hr", INLINE_OK),
            Map.entry("h1", Set.of("id")), Map.entry("h2", Set.of("id")), Map.entry("h3", Set.of("id")),
            Map.entry("h4", Set.of("id")), Map.entry("h5", Set.of("id")), Map.entry("h6", Set.of("id")),
            Map.entry("blockquote", INLINE_OK), Map.entry("ul", INLINE_OK), Map.entry("ol", Set.of("start")),
            Map.entry("li", INLINE_OK), Map.entry("pre", INLINE_OK), Map.entry("code", Set.of("class")),
            Map.entry("em", INLINE_OK), Map.entry("strong", INLINE_OK), Map.entry("b", INLINE_OK),
            Map.entry("i", INLINE_OK), Map.entry("del", INLINE_OK), Map.entry("s", INLINE_OK),
            Map.entry("sub", INLINE_OK), Map.entry("sup", INLINE_OK),
            Map.entry("a", Set.of("href", "title", "rel")), Map.entry("img", Set.of("src", "alt", "title")));
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src");
    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");
    private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.\\-]*):");
    private static final Pattern ENTITY = Pattern.compile("&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);?");
    private static final Map<String, String> NAMED = Map.of("colon", ":", "tab", "\t", "newline", "\n",
            "amp", "&", "quot", "\"", "apos", "'", "lt", "<", "gt", ">", "sol", "/");

    private SafeHtmlOracle() {
    }

    /** Everything wrong with {@code html}; empty when it is safe. */
    static List<String> violations(String html) {
        List<String> violations = new ArrayList<>();
        int i = 0;
        while (i < html.length()) {
            int open = html.indexOf('<', i);
            if (open < 0) {
                break;
            }
            if (open + 1 >= html.length()) {
                break;
            }
            char next = html.charAt(open + 1);
            if (next == '!' || next == '?') {
                violations.add("markup declaration or processing instruction at " + open);
                i = open + 1;
                continue;
            }
            boolean closing = next == '/';
            int nameStart = closing ? open + 2 : open + 1;
            if (nameStart >= html.length() || !Character.isLetter(html.charAt(nameStart))) {
                if (closing) {
                    violations.add("bogus end tag at " + open);
                }
                i = open + 1;
                continue;
            }
            int p = nameStart;
            while (p < html.length() && !isSpace(html.charAt(p)) && html.charAt(p) != '>' && html.charAt(p) != '/') {
                p++;
            }
            String name = html.substring(nameStart, p).toLowerCase(Locale.ROOT);
            Set<String> allowedAttributes = ALLOWED.get(name);
            if (allowedAttributes == null) {
                violations.add("element <" + name + ">");
            }
            // Attributes, as the HTML tokenizer reads them.
            while (p < html.length() && html.charAt(p) != '>') {
                char c = html.charAt(p);
                if (isSpace(c) || c == '/') {
                    p++;
                    continue;
                }
                int attrStart = p;
                while (p < html.length() && !isSpace(html.charAt(p)) && "/>=".indexOf(html.charAt(p)) < 0) {
                    p++;
                }
                String attribute = html.substring(attrStart, p).toLowerCase(Locale.ROOT);
                String value = "";
                while (p < html.length() && isSpace(html.charAt(p))) {
                    p++;
                }
                if (p < html.length() && html.charAt(p) == '=') {
                    p++;
                    while (p < html.length() && isSpace(html.charAt(p))) {
                        p++;
                    }
                    if (p < html.length() && (html.charAt(p) == '"' || html.charAt(p) == '\'')) {
                        char quote = html.charAt(p);
                        int end = html.indexOf(quote, p + 1);
                        end = end < 0 ? html.length() : end;
                        value = html.substring(p + 1, end);
                        p = Math.min(end + 1, html.length());
                    } else {
                        int valueStart = p;
                        while (p < html.length() && !isSpace(html.charAt(p)) && html.charAt(p) != '>') {
                            p++;
                        }
                        value = html.substring(valueStart, p);
                    }
                }
                if (closing) {
                    continue;
                }
                if (attribute.startsWith("on") || attribute.equals("style") || attribute.equals("formaction")
                        || attribute.equals("srcdoc") || attribute.contains(":")) {
                    violations.add("attribute " + attribute + " on <" + name + ">");
                } else if (allowedAttributes != null && !allowedAttributes.contains(attribute)) {
                    violations.add("attribute " + attribute + " not allowed on <" + name + ">");
                }
                if (URL_ATTRIBUTES.contains(attribute)) {
                    String scheme = schemeOf(value);
                    if (scheme != null && !SAFE_SCHEMES.contains(scheme)) {
                        violations.add("URL scheme " + scheme + ": in " + attribute + " of <" + name + ">");
                    }
                }
            }
            i = p + 1;
        }
        return violations;
    }

    /** The scheme a browser would see: entities decoded, control characters and whitespace dropped. */
    static String schemeOf(String url) {
        String decoded = decodeEntities(url);
        StringBuilder cleaned = new StringBuilder();
        decoded.codePoints().filter(c -> c > 0x20 && c != 0x7f).forEach(cleaned::appendCodePoint);
        Matcher matcher = SCHEME.matcher(cleaned.toString().toLowerCase(Locale.ROOT));
        return matcher.find() ? matcher.group(1) : null;
    }

    /**
     * Decodes character references once, as a browser does in an attribute value (so {@code &amp;#106;} is the
     * literal text {@code &#106;}, not a "j"). Numeric references without the final semicolon are decoded too,
     * as browsers do; named ones without it are decoded as well, which is stricter than browsers.
     */
    static String decodeEntities(String text) {
        Matcher matcher = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String entity = matcher.group(1);
            String replacement;
            if (entity.startsWith("#x") || entity.startsWith("#X")) {
                replacement = codePoint(entity.substring(2), 16);
            } else if (entity.startsWith("#")) {
                replacement = codePoint(entity.substring(1), 10);
            } else {
                replacement = NAMED.getOrDefault(entity.toLowerCase(Locale.ROOT), matcher.group());
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String codePoint(String digits, int radix) {
        try {
            int value = Integer.parseInt(digits, radix);
            return Character.isValidCodePoint(value) ? new String(Character.toChars(value)) : "";
        } catch (NumberFormatException tooLong) {
            return "";
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}
