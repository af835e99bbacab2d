package org.securebase.systemtests.xss;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The hostile texts, from the well-known lists (OWASP's filter evasion cheat sheet, PortSwigger's XSS cheat sheet,
 * published sanitizer bypasses): each one's active part calls {@code __xss('<id>')}, the function the probe defines
 * in every page, so an execution names the payload that caused it.
 */
final class Payloads {

    /** Replaced by the payload's id in every template. */
    private static final String ID = "@@";
    /** Replaced by base64 of {@code __xss('<id>')}. */
    private static final String B64_JS = "%B64JS%";
    /** Replaced by base64 of an HTML document whose script calls {@code __xss('<id>')}. */
    private static final String B64_HTML = "%B64HTML%";
    /** Titles (journal, articles) take at most this many characters. */
    static final int MAX_TITLE = 200;

    /**
     * @param id        {@code x001}…, in every active part
     * @param category  the family it belongs to, for the failure message
     * @param text      what is stored
     * @param evaluated what the page would show if a server-side template evaluated the text (null for payloads
     *                  that are no expression): it must never appear
     */
    record Payload(String id, String category, String text, String evaluated) {

        /** The one-line form, for fields that are one line (titles, questions). */
        String line() {
            return text.replace('\n', ' ');
        }
    }

    private Payloads() {
    }

    static List<Payload> all() {
        List<Payload> payloads = new ArrayList<>();
        Adder add = new Adder(payloads);

        add.category("script element");
        add.of("<script>__xss('@@')</script>");
        add.of("<SCRIPT>__xss('@@')</SCRIPT>");
        add.of("<script src=data:text/javascript,__xss('@@')></script>");
        add.of("<script>eval(atob('%B64JS%'))</script>");
        add.of("<script type=module>__xss('@@')</script>");
        add.of("<scr<script>ipt>__xss('@@')</scr</script>ipt>");
        add.of("<script/x>__xss('@@')</script>");
        add.of("<script\n>__xss('@@')</script\n>");
        add.of("<svg><script>__xss('@@')</script></svg>");
        add.of("<svg><script href=data:,__xss('@@') /></svg>");

        add.category("event handler");
        add.of("<img src=x onerror=__xss('@@')>");
        add.of("<img src=x onerror=\"__xss('@@')\">");
        add.of("<IMG SRC=x OnErRoR=__xss('@@')>");
        add.of("<img/src=x/onerror=__xss('@@')>");
        add.of("<img src=x onerror=top['__x'+'ss']('@@')>");
        add.of("<svg onload=__xss('@@')>");
        add.of("<svg/onload=__xss('@@')//");
        add.of("<body onload=__xss('@@')>");
        add.of("<body onpageshow=__xss('@@')>");
        add.of("<details open ontoggle=__xss('@@')>");
        add.of("<video src=x onerror=__xss('@@')></video>");
        add.of("<video><source onerror=__xss('@@')></video>");
        add.of("<audio src=x onerror=__xss('@@')></audio>");
        add.of("<input autofocus onfocus=__xss('@@')>");
        add.of("<select autofocus onfocus=__xss('@@')></select>");
        add.of("<textarea autofocus onfocus=__xss('@@')></textarea>");
        add.of("<marquee onstart=__xss('@@')>x</marquee>");
        add.of("<div onmouseover=__xss('@@')>hover me</div>");
        add.of("<a onmouseover=__xss('@@') href=#>hover me</a>");
        add.of("<iframe onload=__xss('@@')></iframe>");
        add.of("<object data=x onerror=__xss('@@')></object>");
        add.of("<style onload=__xss('@@')></style>");
        add.of("<link rel=stylesheet href=x onerror=__xss('@@')>");
        add.of("<input type=image src=x onerror=__xss('@@')>");
        add.of("<form><button formaction=javascript:__xss('@@')>x</button></form>");
        add.of("<img src=x onerror=&#95;&#95;xss('@@')>");
        add.of("<img src=x onerror=&#x5f;&#x5f;xss&#x28;'@@'&#x29;>");
        add.of("<img src=x onerror=\"&#0000095;&#0000095;xss('@@')\">");
        add.of("<img src=x onerror=eval('\\x5f\\x5fxss(\\'@@\\')')>");
        add.of("<img src=x:x onerror=javascript:__xss('@@')>");
        add.of("<math><maction actiontype=statusline xlink:href=javascript:__xss('@@')>x</maction></math>");

        add.category("javascript: and data: URL");
        add.of("<a href=\"javascript:__xss('@@')\">click</a>");
        add.of("<a href=\"JaVaScRiPt:__xss('@@')\">click</a>");
        add.of("<a href=\"&#106;avascript:__xss('@@')\">click</a>");
        add.of("<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;__xss('@@')\">click</a>");
        add.of("<a href=\"java&#x09;script:__xss('@@')\">click</a>");
        add.of("<a href=\"jav&#x0A;ascript:__xss('@@')\">click</a>");
        add.of("<a href=\" javascript:__xss('@@')\">click</a>");
        add.of("<a href=\"javascript&colon;__xss('@@')\">click</a>");
        add.of("<a href=\"data:text/html,<script>__xss('@@')</script>\">click</a>");
        add.of("<a href=\"data:text/html;base64,%B64HTML%\">click</a>");
        add.of("<iframe src=\"javascript:__xss('@@')\"></iframe>");
        add.of("<iframe srcdoc=\"<script>parent.__xss('@@')</script>\"></iframe>");
        add.of("<iframe srcdoc=\"&lt;img src=x onerror=parent.__xss('@@')&gt;\"></iframe>");
        add.of("<iframe src=\"data:text/html;base64,%B64HTML%\"></iframe>");
        add.of("<embed src=\"javascript:__xss('@@')\">");
        add.of("<object data=\"javascript:__xss('@@')\"></object>");
        add.of("<form action=\"javascript:__xss('@@')\"><input type=submit></form>");
        add.of("<svg><a xlink:href=\"javascript:__xss('@@')\"><text y=20>click</text></a></svg>");
        add.of("<meta http-equiv=\"refresh\" content=\"0;url=javascript:__xss('@@')\">");
        add.of("<base href=\"javascript:__xss('@@')//\">");
        add.of("<img src=\"javascript:__xss('@@')\">");
        add.of("<a href=\"vbscript:__xss('@@')\">click</a>");

        add.category("style and expression");
        add.of("<div style=\"background:url(javascript:__xss('@@'))\">x</div>");
        add.of("<div style=\"width:expression(__xss('@@'))\">x</div>");
        add.of("<p style=\"x:expr/**/ession(__xss('@@'))\">x</p>");
        add.of("<style>@import 'javascript:__xss(\"@@\")';</style>");
        add.of("<style>*{background:url(\"javascript:__xss('@@')\")}</style>");

        add.category("SVG animate and set");
        add.of("<svg><a><animate attributeName=href values=javascript:__xss('@@') /><text x=20 y=20>click</text></a></svg>");
        add.of("<svg><a><set attributeName=href to=javascript:__xss('@@') /><text x=20 y=20>click</text></a></svg>");
        add.of("<svg><animate onbegin=__xss('@@') attributeName=x dur=1s>");
        add.of("<svg><set onbegin=__xss('@@') attributeName=x to=1>");
        add.of("<svg><use href=\"data:image/svg+xml;base64,%B64HTML%#x\"/></svg>");

        add.category("namespace confusion (mXSS)");
        add.of("<math><mtext><table><mglyph><style><img src=x onerror=__xss('@@')>");
        add.of("<svg></p><style><a id=\"</style><img src=1 onerror=__xss('@@')>\">");
        add.of("<math><mi><mglyph><svg><mtext><textarea><path id=\"</textarea><img onerror=__xss('@@') src=1>\">");
        add.of("<form><math><mtext></form><form><mglyph><style></math><img src onerror=__xss('@@')>");
        add.of("<svg><style><img src=x onerror=__xss('@@')></style></svg>");
        add.of("<svg><![CDATA[><image xlink:href=\"]]><img src=x onerror=__xss('@@')>\">]]></svg>");
        add.of("<math><style><img src=x onerror=__xss('@@')></style></math>");

        add.category("template, noscript and raw-text breakout");
        add.of("<noscript><p title=\"</noscript><img src=x onerror=__xss('@@')>\">");
        add.of("<template><img src=x onerror=__xss('@@')></template>");
        add.of("<xmp><p title=\"</xmp><img src=x onerror=__xss('@@')>\">");
        add.of("<noembed><img title=\"</noembed><img src=x onerror=__xss('@@')>\"></noembed>");
        add.of("<noframes><p title=\"</noframes><img src=x onerror=__xss('@@')>\">");
        add.of("<iframe><p title=\"</iframe><img src=x onerror=__xss('@@')>\">");
        add.of("<textarea><p title=\"</textarea><img src=x onerror=__xss('@@')>\">");
        add.of("<title><p title=\"</title><img src=x onerror=__xss('@@')>\">");
        add.of("<style><p title=\"</style><img src=x onerror=__xss('@@')>\">");
        add.of("<!--<img src=\"--><img src=x onerror=__xss('@@')//\">");
        add.of("<![CDATA[><img src=x onerror=__xss('@@')>]]>");
        add.of("</textarea><script>__xss('@@')</script>");
        add.of("</title><script>__xss('@@')</script>");

        add.category("attribute breakout");
        add.of("\" onmouseover=\"__xss('@@')\" x=\"");
        add.of("' autofocus onfocus=__xss(/@@/.source) x='");
        add.of("\" autofocus onfocus=\"__xss('@@')");
        add.of("\"><img src=x onerror=__xss('@@')>");
        add.of("'><img src=x onerror=__xss('@@')>");
        add.of("`><img src=x onerror=__xss('@@')>");
        add.of("\"/><svg onload=__xss('@@')>");
        add.of("\" style=\"x:expression(__xss('@@'))");
        add.of("x\" href=\"javascript:__xss('@@')");

        add.category("JavaScript and JSON context breakout");
        add.of("</script><script>__xss('@@')</script>");
        add.of("</ScRiPt ><script>__xss('@@')</script>");
        add.of("'-__xss('@@')-'");
        add.of("\";__xss('@@');//");
        add.of("\\\";__xss('@@');//");
        add.of("\"}]};__xss('@@');//");
        add.of("'};__xss('@@');({'");
        add.of("${__xss('@@')}");
        add.of("\\u003c/script\\u003e\\u003cscript\\u003e__xss('@@')\\u003c/script\\u003e");
        add.of("{{constructor.constructor('__xss(\"@@\")')()}}");

        add.category("unicode and entity obfuscation");
        add.of("&lt;img src=x onerror=__xss('@@')&gt;");
        add.of("&#60;img src=x onerror=__xss('@@')&#62;");
        add.of("\uFF1Cimg src=x onerror=__xss('@@')\uFF1E");
        add.of("<scr\u200Bipt>__xss('@@')</scr\u200Bipt>");
        add.of("%3Cscript%3E__xss('@@')%3C/script%3E");
        // Ends in text, not in U+2029: titles are stored stripped of surrounding whitespace, which U+2029 is.
        add.of("'\u2028__xss('@@')\u2029//");
        add.of("\u202E<img src=x onerror=__xss('@@')>");
        add.of("<img src=x onerror=\\u005f_xss('@@')>");

        add.category("Markdown link and image");
        add.of("[click](javascript:__xss('@@'))");
        add.of("[click](JAVASCRIPT:__xss('@@'))");
        add.of("[click](javascript&#58;__xss('@@'))");
        add.of("[click](<javascript:__xss('@@')>)");
        add.of("[click](javascript:__xss&#40;'@@'&#41;)");
        add.of("![image](javascript:__xss('@@'))");
        add.of("![image](x\" onerror=\"__xss('@@'))");
        add.of("[click](data:text/html;base64,%B64HTML%)");
        add.of("<javascript:__xss('@@')>");
        add.of("[click][r@@]\n\n[r@@]: javascript:__xss('@@')");
        add.of("[a](https://example.org \"t\\\" onmouseover=\\\"__xss('@@')\")");
        add.of("![a](https://example.org/x.png\"onerror=\"__xss('@@'))");
        add.of("[<img src=x onerror=__xss('@@')>](https://example.org)");
        add.of("<a href=\"https://example.org\" onclick=\"__xss('@@')\">click</a>");
        add.of("`<script>__xss('@@')</script>`");
        add.of("```html\n<script>__xss('@@')</script>\n```");
        add.of("<https://example.org/\"onmouseover=\"__xss('@@')>");

        add.category("server-side expression");
        add.expression("[[${'ev-'.concat('@@')}]]", "ev-@@");
        add.expression("[(${'ev-'.concat('@@')})]", "ev-@@");
        add.expression("__${'ev-'.concat('@@')}__::x", "ev-@@");
        add.expression("${'ev-'.concat('@@')}", "ev-@@");
        add.expression("*{'ev-'.concat('@@')}", "ev-@@");
        add.expression("#{'ev-'.concat('@@')}", "ev-@@");
        add.expression("[[${T(java.lang.String).valueOf(4+4).concat('-@@')}]]", "8-@@");
        add.expression("{{'ev-'+'@@'}}", "ev-@@");
        add.expression("<%= 'ev-' + '@@' %>", "ev-@@");
        add.expression("@{/ev-@@(x=${'y'})}", null);
        add.expression("~{fragments :: head('@@')}", null);
        return List.copyOf(payloads);
    }

    /** Numbers the payloads in the order they are added and fills their placeholders. */
    private static final class Adder {

        private final List<Payload> payloads;
        private String category;

        Adder(List<Payload> payloads) {
            this.payloads = payloads;
        }

        void category(String name) {
            category = name;
        }

        void of(String template) {
            expression(template, null);
        }

        void expression(String template, String evaluated) {
            String id = String.format(Locale.ROOT, "x%03d", payloads.size() + 1);
            String js = "__xss('" + id + "')";
            String html = "<svg id=\"x\" xmlns=\"http://www.w3.org/2000/svg\"><script>top.__xss('" + id
                    + "')</script></svg>";
            String text = template.replace(ID, id)
                    .replace(B64_JS, base64(js))
                    .replace(B64_HTML, base64(html));
            if (text.replace('\n', ' ').length() > MAX_TITLE) {
                throw new IllegalStateException("payload " + id + " is longer than a title may be: " + text);
            }
            payloads.add(new Payload(id, category, text, evaluated == null ? null : evaluated.replace(ID, id)));
        }

        private static String base64(String text) {
            return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
