package org.securebase.portal.library;

import org.owasp.html.AttributePolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.springframework.stereotype.Component;

import java.util.regex.Pattern;

/**
 * Sanitizes article HTML once more before the portal inserts it unescaped. content-service already
 * sanitizes what it renders; this second, independent gate means a bug or a compromise there still cannot
 * put script into a client's page.
 *
 * <p>The article's own ids (a heading's anchor, a list's and an item's id) come from what its author wrote, so a
 * heading "Homework form" would otherwise become {@code id="homework-form"} beside the portal's element of that id
 * and break the page's scripts. Every id is given {@link #ID_PREFIX}, which no id of the portal's starts with, and
 * links within the article follow.
 */
@Component("readingHtml")
public class ReadingHtml {

    /** Put before every id of an article's HTML (and after the {@code #} of every link to one). */
    public static final String ID_PREFIX = "reading-";

    private static final Pattern ANCHOR = Pattern.compile("[a-z0-9][a-z0-9-]{0,119}");

    private static final AttributePolicy PREFIXED_ID = (element, attribute, value) ->
            ANCHOR.matcher(value).matches() ? ID_PREFIX + value : null;

    private static final AttributePolicy LINK_WITHIN_ARTICLE_PREFIXED = (element, attribute, value) ->
            value.startsWith("#") && ANCHOR.matcher(value.substring(1)).matches()
                    ? "#" + ID_PREFIX + value.substring(1)
                    : value;

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(new HtmlPolicyBuilder()
                    .allowElements("h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "pre", "code", "hr", "br")
                    .allowAttributes("id").matching(PREFIXED_ID).onElements("h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol")
                    .allowElements("a")
                    .allowAttributes("href").matching(LINK_WITHIN_ARTICLE_PREFIXED).onElements("a")
                    .allowUrlProtocols("https", "http", "mailto")
                    .requireRelsOnLinks("noopener", "noreferrer")
                    .toFactory());

    public String clean(String html) {
        return html == null ? "" : POLICY.sanitize(html);
    }
}
