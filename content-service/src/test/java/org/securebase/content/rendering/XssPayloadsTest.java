package org.securebase.content.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Feeds known XSS payloads (OWASP and PortSwigger cheat sheets: raw HTML, SVG and MathML, event handlers,
 * Markdown links, images, autolinks and reference definitions with javascript:, vbscript: and data: URLs,
 * and their entity-, case-, whitespace- and percent-encoded variants) through the same path an article body
 * takes, and asks an independent judge whether anything dangerous survived.
 */
class XssPayloadsTest {

    private final ArticleRenderer renderer = new ArticleRenderer();

    @Test
    void noPayloadSurvivesRenderingAndSanitizing() throws IOException {
        List<String> payloads = payloads();
        assertThat(payloads).hasSizeGreaterThanOrEqualTo(200);

        List<String> survivors = new ArrayList<>();
        for (String payload : payloads) {
            String html = renderer.render(payload).html();
            List<String> violations = SafeHtmlOracle.violations(html);
            if (!violations.isEmpty()) {
                survivors.add(payload + "\n  -> " + html + "\n  " + violations);
            }
        }

        assertThat(survivors).as("payloads that survived").isEmpty();
    }

    @Test
    void noRawHtmlPayloadSurvivesTheSanitizerAlone() throws IOException {
        List<String> survivors = new ArrayList<>();
        for (String payload : lines("xss/html-payloads.txt")) {
            String html = HtmlSanitizer.sanitize(payload);
            if (!SafeHtmlOracle.violations(html).isEmpty()) {
                survivors.add(payload + " -> " + html);
            }
        }

        assertThat(survivors).isEmpty();
    }

    @Test
    void sanitizingTwiceGivesTheSameResultAsOnce() throws IOException {
        for (String payload : payloads()) {
            String once = HtmlSanitizer.sanitize(payload);
            assertThat(HtmlSanitizer.sanitize(once)).as(payload).isEqualTo(once);

            String rendered = renderer.render(payload).html();
            assertThat(HtmlSanitizer.sanitize(rendered)).as("rendered " + payload).isEqualTo(rendered);
        }
    }

    @Test
    void keepsHarmlessMarkupAndSafeLinks() {
        String html = renderer.render("""
                ## A heading

                Some *emphasis*, a [safe link](https://example.org/page "Title"), H<sub>2</sub>O and x<sup>2</sup>,
                and `code` with <em>inline HTML</em>.

                ![a picture](https://example.org/p.png)
                """).html();

        assertThat(html)
                .contains("<h2 id=\"a-heading\">A heading</h2>")
                .contains("<em>emphasis</em>")
                .contains("href=\"https://example.org/page\"")
                .containsPattern("rel=\"(?=[^\"]*nofollow)(?=[^\"]*noopener)(?=[^\"]*noreferrer)[^\"]*\"")
                .contains("<sub>2</sub>").contains("<sup>2</sup>")
                .contains("<code>code</code>")
                .contains("<em>inline HTML</em>")
                .contains("<img src=\"https://example.org/p.png\" alt=\"a picture\" />");
        assertThat(SafeHtmlOracle.violations(html)).isEmpty();
    }

    /** Raw payloads, plus every dangerous URL in each place Markdown or HTML can hold a URL. */
    static List<String> payloads() throws IOException {
        Set<String> payloads = new LinkedHashSet<>(lines("xss/html-payloads.txt"));
        for (String url : lines("xss/url-payloads.txt")) {
            payloads.add("[click me](" + url + ")");
            payloads.add("[click me](<" + url + ">)");
            payloads.add("[click me](" + url + " \"title\")");
            payloads.add("![an image](" + url + ")");
            payloads.add("<" + url + ">");
            payloads.add("[reference]\n\n[reference]: " + url);
            payloads.add("<a href=\"" + url + "\">x</a>");
            payloads.add("<img src=\"" + url + "\">");
        }
        return List.copyOf(payloads);
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = XssPayloadsTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isEmpty() && !line.startsWith("##"))
                    .toList();
        }
    }
}
