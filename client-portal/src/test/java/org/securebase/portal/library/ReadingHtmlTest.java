package org.securebase.portal.library;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadingHtmlTest {

    private final ReadingHtml reading = new ReadingHtml();

    @Test
    void everyIdOfTheArticleIsPrefixedSoAHeadingCannotTakeAnIdOfThePortal() {
        String html = reading.clean("<h2 id=\"homework-form\">Homework form</h2>"
                + "<ul id=\"homework-form-list-1\"><li id=\"homework-form-list-1-item-1\">One</li></ul>");

        assertThat(html).contains("<h2 id=\"reading-homework-form\">Homework form</h2>")
                .contains("<ul id=\"reading-homework-form-list-1\">")
                .contains("<li id=\"reading-homework-form-list-1-item-1\">One</li>")
                .doesNotContain("id=\"homework-form\"");
    }

    @Test
    void linksWithinTheArticleFollowTheirTargetsAndOtherLinksStayAsWritten() {
        String html = reading.clean("<p><a href=\"#noticing-the-body\">back</a> "
                + "<a href=\"https://example.org/page#part\">elsewhere</a> <a href=\"#Not An Anchor\">odd</a></p>");

        assertThat(html).contains("href=\"#reading-noticing-the-body\"")
                .contains("href=\"https://example.org/page#part\"")
                .doesNotContain("#reading-Not");
    }

    @Test
    void anIdThatIsNoAnchorOfOursIsDroppedAndScriptNeverPasses() {
        String html = reading.clean("<h2 id=\"Has Spaces\" onclick=\"steal()\">Title</h2><script>steal()</script>"
                + "<a href=\"javascript:steal()\">x</a><p id=\"homework-form\">para</p>");

        assertThat(html).doesNotContain("id=").doesNotContain("steal").doesNotContain("javascript");
        assertThat(html).contains("<h2>Title</h2>").contains("<p>para</p>");
    }
}
