package org.securebase.portal.about;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every page template (each one with a {@code <main>}) ends its main content with the site footer, so the
 * accessibility statement is linked from every page of every role, signed in or not.
 */
class EveryPageHasTheFooterTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final String FOOTER = "</main>\n<footer th:replace=\"~{public :: site-footer}\"></footer>";

    @Test
    void everyPageTemplateIncludesTheFooterRightAfterItsMainContent() throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            pages = files.filter(file -> file.toString().endsWith(".html")).filter(EveryPageHasTheFooterTest::isPage).toList();
        }

        assertThat(pages).as("page templates").hasSizeGreaterThan(25);
        assertThat(pages).allSatisfy(page -> assertThat(Files.readString(page)).as(page.toString()).contains(FOOTER));
    }

    private static boolean isPage(Path template) {
        try {
            return Files.readString(template).contains("<main");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
