package org.securebase.portal.library;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.springframework.stereotype.Component;

import java.util.regex.Pattern;

/**
 * Sanitizes article HTML once more before the portal inserts it unescaped. content-service already
 * sanitizes what it renders; this second, independent gate means a bug or a compromise there still cannot
 * put script into a client's page.
 */
@Component("readingHtml")
public class ReadingHtml {

    private static final Pattern ANCHOR = Pattern.compile("[a-z0-9][a-z0-9-]{0,119}");

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(new HtmlPolicyBuilder()
                    .allowElements("ul", "ol", "li", "pre", "code", "hr", "br")
                    .allowAttributes("id").matching(ANCHOR).onElements("h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol")
                    .allowElements("a")
                    .allowAttributes("href").onElements("a")
                    .allowUrlProtocols("https", "http", "mailto")
                    .requireRelsOnLinks("noopener", "noreferrer")
                    .toFactory());

    public String clean(String html) {
        return html == null ? "" : POLICY.sanitize(html);
    }
}
