package org.securebase.content.rendering;

import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The one HTML policy of content-service (OWASP Java HTML Sanitizer). Everything an article shows passes
 * through it, including raw HTML an author typed into the Markdown.
 *
 * <p>An allow-list: the elements CommonMark produces for prose, nothing that runs or restyles the page. No
 * {@code script}, {@code style}, {@code svg}, {@code math}, {@code iframe}, {@code object}, {@code form} or
 * input elements; no {@code on*} handlers and no {@code style} attributes; links and images only with
 * {@code http}, {@code https} or {@code mailto} URLs or relative ones (so no {@code javascript:},
 * {@code vbscript:} or {@code data:}); ids only in the anchor alphabet, so an author cannot clobber the
 * portal's own element ids with arbitrary names. Links get {@code rel="nofollow noopener noreferrer"}.
 *
 * <p>Sanitizing is idempotent: sanitizing the output again returns it unchanged (proven by a test), so
 * stored HTML can be re-checked at any time.
 */
public final class HtmlSanitizer {

    private static final Pattern ANCHOR = Anchors.VALID;
    private static final Pattern CODE_LANGUAGE = Pattern.compile("language-[A-Za-z0-9_+#-]{1,32}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li",
                    "pre", "code", "em", "strong", "b", "i", "del", "s", "sub", "sup", "a", "img")
            .allowAttributes("id").matching(ANCHOR).onElements("h1", "h2", "h3", "h4", "h5", "h6")
            .allowAttributes("href", "title").onElements("a")
            .allowAttributes("src", "alt", "title").onElements("img")
            .allowAttributes("start").matching(NUMBER).onElements("ol")
            .allowAttributes("class").matching(CODE_LANGUAGE).onElements("code")
            .allowUrlProtocols("http", "https", "mailto")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .toFactory();

    private HtmlSanitizer() {
    }

    /** Most input is stable after one pass; nothing seen needs more than two. */
    private static final int MAX_PASSES = 4;

    public static String sanitize(String html) {
        if (html == null) {
            return "";
        }
        // One pass is safe but not always stable: the policy's tag balancer can leave markup that a second
        // pass re-nests differently (a raw <p> inside CommonMark's <p> becomes <p><p></p></p>, then
        // <p></p><p></p>). Running to a fixed point makes stored HTML exactly what re-sanitizing it gives.
        String current = POLICY.sanitize(html);
        for (int pass = 1; pass < MAX_PASSES; pass++) {
            String again = POLICY.sanitize(current);
            if (again.equals(current)) {
                return current;
            }
            current = again;
        }
        return current;
    }
}
