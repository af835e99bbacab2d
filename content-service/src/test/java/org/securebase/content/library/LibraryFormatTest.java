package org.securebase.content.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LibraryFormatTest {

    @Test
    void whatIsWrittenIsReadBackExactly() throws Exception {
        LibraryArticle article = new LibraryArticle("small-steps", "Quotes \" and \\ back\\slashes, # not a comment",
                "Two lines\nand a tab\there; emoji \uD83E\uDDE0, RTL \u202Eevil\u202C", "es",
                List.of("trust", "small-steps"), true, "next-step", 0,
                "## Heading\r\n\nBody with --- inside\n---\nand a line that looks like front matter\n");

        String file = LibraryFormat.write(article);
        LibraryArticle read = LibraryFormat.read(file);

        assertThat(read.slug()).isEqualTo(article.slug());
        assertThat(read.title()).isEqualTo(article.title());
        assertThat(read.summary()).isEqualTo(article.summary());
        assertThat(read.language()).isEqualTo("es");
        assertThat(read.tags()).isEqualTo(article.tags());
        assertThat(read.published()).isTrue();
        assertThat(read.next()).isEqualTo("next-step");
        assertThat(read.nextLine()).isEqualTo(7);
        assertThat(read.markdown()).isEqualTo(article.markdown());
        assertThat(LibraryFormat.write(read)).isEqualTo(file);
    }

    @Test
    void aHandWrittenFileWithBareValuesCrlfCommentsAndABomIsRead() throws Exception {
        String file = "\uFEFF---\r\n# written by hand\r\ntitle: Repair after rupture\r\n\r\ntags: [repair,  trust ]\r\n"
                + "status: draft\r\nlanguage: EN\r\n---\r\nBody.\r\n";

        LibraryArticle read = LibraryFormat.read(file);

        assertThat(read.title()).isEqualTo("Repair after rupture");
        assertThat(read.slug()).isNull();
        assertThat(read.summary()).isEmpty();
        assertThat(read.language()).isEqualTo("en");
        assertThat(read.tags()).containsExactly("repair", "trust");
        assertThat(read.published()).isFalse();
        assertThat(read.next()).isNull();
        assertThat(read.markdown()).isEqualTo("Body.\r\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "no front matter              | # Just Markdown\\n                                   | line 1: a library file begins with a line '---'",
            "not closed                   | ---\\ntitle: x\\n                                    | line 2: the front matter is not closed",
            "no colon                     | ---\\ntitle: x\\nthis is not a key\\n---\\n           | line 3: expected 'key: value'",
            "unknown key                  | ---\\ntitle: x\\nauthor: me\\n---\\n                  | line 3: unknown key 'author'",
            "given twice                  | ---\\ntitle: x\\ntitle: y\\n---\\n                    | line 3: 'title' is given twice",
            "no title                     | ---\\nslug: some-slug\\n---\\nbody                    | line 3: the front matter has no title",
            "unclosed quote               | ---\\ntitle: \"open\\n---\\n                          | line 2: the quoted value has no closing quote",
            "text after the quote         | ---\\ntitle: \"a\" b\\n---\\n                         | line 2: nothing may follow the closing quote",
            "unknown escape               | ---\\ntitle: \"a\\\\qb\"\\n---\\n                      | line 2: unknown escape",
            "bad slug                     | ---\\ntitle: x\\nslug: Not A Slug\\n---\\n            | line 3: slug must be a slug",
            "bad next                     | ---\\ntitle: x\\nnext: ../etc\\n---\\n                | line 3: next must be a slug",
            "tags not a list              | ---\\ntitle: x\\ntags: a, b\\n---\\n                  | line 3: tags are written as a list",
            "bad tag                      | ---\\ntitle: x\\ntags: [Bad Tag]\\n---\\n             | line 3: each tag must be lower-case",
            "unknown status               | ---\\ntitle: x\\nstatus: retracted\\n---\\n           | line 3: status is 'draft' or 'published'",
            "a language not indexed       | ---\\ntitle: x\\nlanguage: fr\\n---\\n                | line 3: language is one of en, es",
            "NUL in the title             | ---\\ntitle: \"a\\\\u0000b\"\\n---\\n                  | line 2: title contains a character that cannot be stored",
            "next is itself               | ---\\ntitle: x\\nslug: same-one\\nnext: same-one\\n---\\n | line 4: an article cannot be next to itself",
    })
    void malformedFrontMatterIsRefusedWithItsLine(String name, String file, String message) {
        String text = file.strip().replace("\\n", "\n").replace("\\\\", "\\");
        assertThatThrownBy(() -> LibraryFormat.read(text))
                .isInstanceOf(LibraryFileRejectedException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void aTitleOverTheLimitIsRefused() {
        String file = "---\ntitle: " + "t".repeat(201) + "\n---\n";
        assertThatThrownBy(() -> LibraryFormat.read(file)).hasMessage("line 2: title may be at most 200 characters long");
    }

    @Test
    void shownNamesAreTheFileNameOrItsPlace() {
        assertThat(LibraryImport.shownName("folder/sub/Small steps (1).md", 0)).isEqualTo("Small steps (1).md");
        assertThat(LibraryImport.shownName("C:\\readings\\a.md", 0)).isEqualTo("a.md");
        assertThat(LibraryImport.shownName("<script>alert(1)</script>.md", 2)).isEqualTo("file 3");
        assertThat(LibraryImport.shownName("", 0)).isEqualTo("file 1");
    }
}
