package org.securebase.portal.writing;

import org.securebase.platform.contracts.ContentLimits;
import org.junit.jupiter.api.Test;
import org.securebase.portal.library.ReadingHtml;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownPreviewTest {

    final MarkdownPreview preview = new MarkdownPreview(new ReadingHtml());

    @Test
    void rendersProseAsReadersGetIt() {
        MarkdownPreview.Result result = preview.render("""
                ## How Attachment Wounds Show Up

                - Difficulty trusting others
                - Fear of abandonment

                Read [more](https://example.org/a) in *the* book.
                """);

        assertThat(result.ok()).isTrue();
        assertThat(result.html()).contains("<h2>How Attachment Wounds Show Up</h2>")
                .contains("<li>Difficulty trusting others</li>").contains("<em>the</em>")
                .contains("href=\"https://example.org/a\"").containsPattern("rel=\"(noopener noreferrer|noreferrer noopener)\"");
    }

    @Test
    void nothingActiveSurvives() {
        MarkdownPreview.Result result = preview.render("""
                <script>alert(1)</script>

                <div onmouseover="alert(2)" style="position:fixed">hover</div>

                [x](javascript:alert(3)) ![img](data:text/html;base64,PHNjcmlwdD4=)
                <iframe src="https://evil.example"></iframe><form action="/logout"><button>Go</button></form>
                """);

        assertThat(result.ok()).isTrue();
        assertThat(result.html().toLowerCase()).doesNotContain("<script").doesNotContain("alert(1)")
                .doesNotContain("onmouseover").doesNotContain("style=").doesNotContain("javascript:")
                .doesNotContain("data:").doesNotContain("<iframe").doesNotContain("<form").doesNotContain("<img");
    }

    @Test
    void refusesWhatContentServiceWouldRefuse() {
        assertThat(preview.render("x".repeat(ContentLimits.MARKDOWN + 1)).problem()).isEqualTo("writing.preview.tooLong");
        assertThat(preview.render("x".repeat(ContentLimits.MARKDOWN)).ok()).isTrue();
        assertThat(preview.render("bad\u0000text").problem()).isEqualTo("writing.error.characters");
        assertThat(preview.render(">".repeat(5_000) + " deep").problem()).isEqualTo("writing.preview.tooDeep");
        assertThat(preview.render("> quoted").ok()).isTrue();
    }

    @Test
    void emptyTextIsAnEmptyPreview() {
        assertThat(preview.render("")).isEqualTo(new MarkdownPreview.Result("", null));
        assertThat(preview.render(null)).isEqualTo(new MarkdownPreview.Result("", null));
    }
}
