package org.securebase.platform.embedded;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.securebase.platform.embedded.MailServer.ReceivedMail;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages of the local mail viewer: a list of every message, newest first, and each message as a person's mail
 * program shows it. The HTML part is rendered, not shown as source, so it is sanitized first: whatever a template or a
 * person's input put into a mail, the viewer runs no script, loads nothing (the response's policy also forbids it) and
 * keeps only web and mail links.
 */
final class MailViewer {

    private static final PolicyFactory SAFE_MAIL_HTML = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.STYLES)
            .and(new HtmlPolicyBuilder()
                    .allowStandardUrlProtocols()
                    .allowElements("a")
                    .allowAttributes("href").onElements("a")
                    .requireRelsOnLinks("noopener", "noreferrer")
                    .toFactory());

    private static final Pattern WEB_LINK = Pattern.compile("https?://[^\\s<>\"']+[^\\s<>\"'.,;:!?)]");

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
            table.mails{border-collapse:collapse;width:100%}
            table.mails th,table.mails td{text-align:left;padding:.4rem;border-bottom:1px solid #ccc;vertical-align:top}
            dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:bold}dd{margin:0}
            section{border:1px solid #999;border-radius:.5rem;padding:1rem;margin:1rem 0;overflow-wrap:anywhere}
            pre{white-space:pre-wrap;overflow-wrap:anywhere;font-family:inherit}""";

    private MailViewer() {
    }

    /** Every message, newest first; {@code oldestFirst} is numbered as {@link MailServer#receivedCount} counts. */
    static String index(List<ReceivedMail> oldestFirst) {
        StringBuilder html = page("Secure Base local mail").append("<h1>Mail received by the local SMTP server</h1>");
        if (oldestFirst.isEmpty()) {
            return html.append("<p>No mail yet.</p></main></body></html>").toString();
        }
        html.append("<p>").append(oldestFirst.size()).append(oldestFirst.size() == 1 ? " message" : " messages")
                .append(", newest first.</p><table class=\"mails\"><thead><tr><th scope=\"col\">Subject</th>")
                .append("<th scope=\"col\">To</th><th scope=\"col\">Sent</th></tr></thead><tbody>");
        for (int number = oldestFirst.size() - 1; number >= 0; number--) {
            ReceivedMail mail = oldestFirst.get(number);
            html.append("<tr><td><a href=\"/messages/").append(number).append("\">")
                    .append(escape(subjectOf(mail))).append("</a></td><td>")
                    .append(escape(String.join(", ", mail.to()))).append("</td><td>")
                    .append(mail.sentAt()).append("</td></tr>");
        }
        return html.append("</tbody></table></main></body></html>").toString();
    }

    /** One message: who sent it to whom, its HTML part rendered safely and its plain text with clickable links. */
    static String message(int number, ReceivedMail mail) {
        StringBuilder html = page(subjectOf(mail) + " - Secure Base local mail")
                .append("<p><a href=\"/\">All mail</a></p><h1>").append(escape(subjectOf(mail))).append("</h1><dl>")
                .append("<dt>From</dt><dd>").append(escape(mail.from())).append("</dd>")
                .append("<dt>To</dt><dd>").append(escape(String.join(", ", mail.to()))).append("</dd>")
                .append("<dt>Sent</dt><dd>").append(mail.sentAt()).append("</dd>")
                .append("<dt>Message</dt><dd>").append(number).append("</dd></dl>");
        if (mail.htmlPart() != null) {
            html.append("<section aria-labelledby=\"as-html\"><h2 id=\"as-html\">As HTML</h2>")
                    .append("<div class=\"mail-html\">").append(safeHtml(mail.htmlPart())).append("</div></section>");
        }
        if (mail.plainTextPart() != null) {
            html.append("<section aria-labelledby=\"as-text\"><h2 id=\"as-text\">As plain text</h2><pre>")
                    .append(linkified(mail.plainTextPart())).append("</pre></section>");
        }
        if (mail.htmlPart() == null && mail.plainTextPart() == null) {
            html.append("<p>This message has no text part.</p>");
        }
        return html.append("</main></body></html>").toString();
    }

    static String notFound() {
        return page("Not found - Secure Base local mail")
                .append("<h1>No such message</h1><p><a href=\"/\">All mail</a></p></main></body></html>").toString();
    }

    /** The HTML part as the viewer renders it: no script, no event handler, no image, only web and mail links. */
    static String safeHtml(String mailHtml) {
        return SAFE_MAIL_HTML.sanitize(mailHtml);
    }

    /** Plain text, escaped, with every web address turned into a link. */
    static String linkified(String text) {
        StringBuilder html = new StringBuilder();
        Matcher link = WEB_LINK.matcher(text);
        int shown = 0;
        while (link.find()) {
            html.append(escape(text.substring(shown, link.start())));
            String address = escape(link.group());
            html.append("<a href=\"").append(address).append("\" rel=\"noopener noreferrer\">")
                    .append(address).append("</a>");
            shown = link.end();
        }
        return html.append(escape(text.substring(shown))).toString();
    }

    private static StringBuilder page(String title) {
        return new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(escape(title)).append("</title><style>").append(STYLE).append("</style></head><body><main>");
    }

    private static String subjectOf(ReceivedMail mail) {
        return mail.subject() == null || mail.subject().isBlank() ? "(no subject)" : mail.subject();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
