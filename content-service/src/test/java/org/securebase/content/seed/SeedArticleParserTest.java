package org.securebase.content.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.securebase.content.rendering.ArticleList;
import org.securebase.content.rendering.ArticleRenderer;
import org.securebase.content.rendering.ListItem;
import org.securebase.content.rendering.RenderedBody;
import org.securebase.content.rendering.Section;

class SeedArticleParserTest {

    private final String source = SeedImporter.readSeed();
    private final SeedArticle seed = SeedArticleParser.parse(source);
    private final RenderedBody body = new ArticleRenderer().render(seed.markdown());

    @Test
    void takesTheTitleFromTheFirstLineAndTheNextArticleFromTheNavigation() {
        assertThat(seed.title()).isEqualTo("Attachment and Healing: Why Relationships in Therapy Matter");
        assertThat(seed.nextTitle()).isEqualTo("Healing Through the Body: A Somatic Approach to Trauma Recovery");
        assertThat(seed.summary()).startsWith("When we think of therapy,").endsWith("it’s the relationship that forms in the room.");
    }

    @Test
    void turnsTheHeadingsIntoSectionsAndTheBulletsIntoLists() {
        assertThat(body.sections()).extracting(Section::heading).containsExactly(
                null,
                "What Is Attachment?",
                "How Attachment Wounds Show Up",
                "Why Therapy Can Heal Attachment Wounds",
                "What Healing From Attachment Looks Like:",
                "Final Thoughts");
        assertThat(body.sections()).extracting(section -> section.lists().stream().mapToInt(l -> l.items().size()).sum())
                .containsExactly(0, 4, 6, 4, 5, 0);

        Section wounds = body.sections().get(2);
        assertThat(wounds.anchor()).isEqualTo("how-attachment-wounds-show-up");
        ArticleList patterns = wounds.lists().get(0);
        assertThat(patterns.id()).isEqualTo("how-attachment-wounds-show-up-list-1");
        assertThat(patterns.items()).extracting(ListItem::text).containsExactly(
                "Feeling like you're “too much” or “not enough”",
                "Difficulty trusting others",
                "Fear of abandonment — or fear of being smothered",
                "Craving constant reassurance, or pushing people away",
                "Loneliness, even when you're in a relationship",
                "A belief that love must be earned, managed, or controlled");
        assertThat(body.html()).contains("<h2 id=\"how-attachment-wounds-show-up\">How Attachment Wounds Show Up</h2>");
        // "Healing begins when:" leads into a list; it is a paragraph, not a heading.
        assertThat(body.sections().get(3).paragraphs()).contains("Healing begins when:");
    }

    @Test
    void everySentenceOfTheSourceSurvivesAndNothingIsAdded() {
        String received = SeedText.withoutNavigation(source);
        String expected = SeedText.normalize(received);
        String rendered = SeedText.normalize(seed.title() + "\n" + SeedText.textOfHtml(body.html()));

        assertThat(rendered).isEqualTo(expected);
        List<String> sentences = SeedText.sentences(received);
        for (String sentence : sentences) {
            assertThat(rendered).as("sentence in the HTML").contains(sentence);
            assertThat(SeedText.normalize(seed.title() + " " + body.plainText())).as("sentence in the sections")
                    .contains(sentence);
        }
        assertThat(sentences).hasSizeGreaterThan(40);
    }

    @Test
    void keepsTheNavigationOutOfTheBody() {
        assertThat(seed.markdown()).doesNotContain("Next").doesNotContain("Somatic");
        assertThat(body.plainText()).doesNotContain("Somatic");
    }

    @Test
    void escapesMarkdownSyntaxInReceivedText() {
        SeedArticle tricky = SeedArticleParser.parse("""
                Title

                # not a heading, *not emphasis*, <b>not html</b>, [not a link](x) & 1. text

                1. Not a list either

                ● - a bullet that starts with a dash
                """);
        RenderedBody rendered = new ArticleRenderer().render(tricky.markdown());

        assertThat(SeedText.normalize(SeedText.textOfHtml(rendered.html()))).isEqualTo(
                "# not a heading, *not emphasis*, <b>not html</b>, [not a link](x) & 1. text 1. Not a list either"
                        + " - a bullet that starts with a dash");
        assertThat(rendered.sections().get(0).lists()).singleElement()
                .satisfies(list -> assertThat(list.items()).hasSize(1));
    }

    @Test
    void theShippedCopyIsExactlyTheReceivedText() throws IOException {
        Optional<Path> shared = sharedCopy();
        assumeTrue(shared.isPresent(), "../shared is not beside this checkout");

        assertThat(source).isEqualTo(Files.readString(shared.get()));
    }

    private static Optional<Path> sharedCopy() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/content/attachment-and-healing.txt");
            if (Files.exists(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

}
