package org.securebase.content.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ArticleRendererTest {

    private final ArticleRenderer renderer = new ArticleRenderer();

    private static final String BODY = """
            An opening paragraph.

            ## What Is Attachment?

            A paragraph with *emphasis* and `code`.

            - Is the world safe?
            - Can I trust love to stay?

            ## What Is Attachment?

            1. first
            2. second
               - nested
            """;

    @Test
    void cutsTheBodyIntoSectionsWithUniqueAnchors() {
        RenderedBody body = renderer.render(BODY);

        assertThat(body.sections()).extracting(Section::anchor)
                .containsExactly("introduction", "what-is-attachment", "what-is-attachment-2");
        assertThat(body.sections()).extracting(Section::heading)
                .containsExactly(null, "What Is Attachment?", "What Is Attachment?");
        Section first = body.sections().get(1);
        assertThat(first.level()).isEqualTo(2);
        assertThat(first.paragraphs()).containsExactly("A paragraph with emphasis and code.");
        assertThat(first.lists()).singleElement().satisfies(list -> {
            assertThat(list.id()).isEqualTo("what-is-attachment-list-1");
            assertThat(list.ordered()).isFalse();
            assertThat(list.items()).extracting(ListItem::text)
                    .containsExactly("Is the world safe?", "Can I trust love to stay?");
        });
        Section second = body.sections().get(2);
        assertThat(second.lists()).extracting(ArticleList::id)
                .containsExactly("what-is-attachment-2-list-1", "what-is-attachment-2-list-2");
        assertThat(second.lists().get(0).ordered()).isTrue();
        assertThat(second.lists().get(1).items()).extracting(ListItem::text).containsExactly("nested");
    }

    @Test
    void givesHeadingsTheSectionAnchorAsHtmlId() {
        String html = renderer.render(BODY).html();

        assertThat(html).contains("<h2 id=\"what-is-attachment\">").contains("<h2 id=\"what-is-attachment-2\">");
    }

    @Test
    void keepsAnItemsIdWhenOtherItemsChangeAndChangesItWhenItsTextChanges() {
        List<ListItem> before = itemsOf("- Difficulty trusting others\n- Loneliness\n");
        List<ListItem> reordered = itemsOf("- A new first item\n- Loneliness\n- Difficulty trusting others\n");
        List<ListItem> edited = itemsOf("- Difficulty trusting people\n- Loneliness\n");

        assertThat(reordered.get(2).id()).isEqualTo(before.get(0).id());
        assertThat(reordered.get(1).id()).isEqualTo(before.get(1).id());
        assertThat(edited.get(0).id()).isNotEqualTo(before.get(0).id());
        assertThat(renderer.render("- same\n- same\n").sections().get(0).lists().get(0).items())
                .extracting(ListItem::id).doesNotHaveDuplicates();
    }

    @Test
    void estimatesReadingTimeAt200WordsAMinute() {
        assertThat(renderer.render("").readingMinutes()).isZero();
        assertThat(renderer.render("word ".repeat(200)).readingMinutes()).isEqualTo(1);
        assertThat(renderer.render("word ".repeat(201)).readingMinutes()).isEqualTo(2);
        assertThat(renderer.render("").isEmpty()).isTrue();
        assertThat(renderer.render("<script>x</script>\n\n<!-- -->").isEmpty()).isTrue();
    }

    @Test
    void rejectsTextThatCannotBeStoredOrRenderedSafely() {
        for (String bad : List.of("a\u0000b", "a\u0007b", "lone \ud800 surrogate", "lone \udc00 low", "del\u007f",
                "> ".repeat(2000) + "XYZZY", "- ".repeat(2000) + "XYZZY")) {
            assertThatThrownBy(() -> renderer.render(bad))
                    .isInstanceOf(MarkdownRejectedException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("XYZZY").doesNotContain("surrogate"));
        }
    }

    @Test
    void answersPathologicalInputWithSafeHtmlOrARejectionNeverACrash() {
        for (String odd : List.of("*".repeat(5000) + "a" + "*".repeat(5000), "[".repeat(5000) + "x" + "](y)".repeat(40),
                "<".repeat(5000), "`".repeat(5000), "emoji \ud83d\ude00 and tabs\tare fine")) {
            try {
                assertThat(SafeHtmlOracle.violations(renderer.render(odd).html())).isEmpty();
            } catch (MarkdownRejectedException tooDeep) {
                assertThat(tooDeep.getMessage()).contains("levels deep");
            }
        }
        assertThat(renderer.render("emoji \ud83d\ude00").plainText()).isEqualTo("emoji \ud83d\ude00");
    }

    private List<ListItem> itemsOf(String markdown) {
        return renderer.render(markdown).sections().get(0).lists().get(0).items();
    }
}
