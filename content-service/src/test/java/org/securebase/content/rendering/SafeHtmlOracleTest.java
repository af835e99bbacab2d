package org.securebase.content.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The XSS test is only as good as its judge: show the judge catches what it must, and passes prose. */
class SafeHtmlOracleTest {

    @Test
    void flagsEveryKindOfDangerItLooksFor() {
        List<String> dangerous = List.of(
                "<script>alert(1)</script>",
                "<p onclick=\"alert(1)\">x</p>",
                "<p ONMOUSEOVER=alert(1)>x</p>",
                "<a href=\"javascript:alert(1)\">x</a>",
                "<a href=\"&#106;avascript:alert(1)\">x</a>",
                "<a href=\"java&#x09;script:alert(1)\">x</a>",
                "<a href=\"javascript&colon;alert(1)\">x</a>",
                "<a href=' javascript:alert(1)'>x</a>",
                "<img src=\"data:image/png;base64,AAAA\">",
                "<img src=vbscript:msgbox(1)>",
                "<p style=\"color:red\">x</p>",
                "<form action=\"/x\"></form>",
                "<svg></svg>",
                "<iframe src=\"https://example.org\"></iframe>",
                "<!-- x -->",
                "<a xlink:href=\"https://example.org\">x</a>",
                "<div>x</div>",
                "<h2 id=\"x\" class=\"y\">x</h2>");
        for (String html : dangerous) {
            assertThat(SafeHtmlOracle.violations(html)).as(html).isNotEmpty();
        }
    }

    @Test
    void passesWhatTheSanitizerIsMeantToLetThrough() {
        String prose = "<h2 id=\"what-is-attachment\">What Is Attachment?</h2>\n<p>Text &lt;script&gt; javascript:alert(1)"
                + " <a href=\"https://example.org/a?b&#61;c\" rel=\"nofollow noopener noreferrer\">link</a>"
                + " <img src=\"/images/a.png\" alt=\"x\" /> <code class=\"language-java\">x</code></p>"
                + "<ol start=\"3\"><li><em>a</em></li></ol><a href=\"mailto:a&#64;b.org\">m</a><a href=\"#top\">t</a>";

        assertThat(SafeHtmlOracle.violations(prose)).isEmpty();
    }
}
